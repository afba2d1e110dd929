// The error codes of the modelled services, defined once: what `expect error CODE` may name.
//
// EMITTED holds every code the engine answers a call with. Every call record's error has the type
// ErrorCode (src/engine/call/record.ts), so a code the engine emits but this list lacks does not
// compile. DOCUMENTED adds the codes AWS documents for the modelled actions that the engine never
// produces (a throttled request, a disabled Region …): a scenario may expect them (and then fails,
// saying what happened instead), but a misspelt code is refused before the run with the nearest
// known one. Codes compare exactly, as an SDK's error code does.
//
// Sources: AWS STS API Reference, the "Errors" section of AssumeRole, AssumeRoleWithWebIdentity,
// GetSessionToken, GetFederationToken, GetCallerIdentity and GetAccessKeyInfo, and "Common Errors"
// (https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html); IAM API Reference,
// "Common Error Types" (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html);
// Amazon S3 API Reference, "Error responses", List of error codes
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html); Amazon EKS Auth API
// Reference, "AssumeRoleForPodIdentity" (Errors); the IAM API Reference's pages of the actions named
// below (Errors); Amazon SNS API Reference, Publish (Errors: AuthorizationError); AWS SDK for JavaScript v3, "Set credentials in
// Node.js" (CredentialsProviderError, raised by the SDK itself when no provider has credentials).

/** Every code the engine can answer a call with. */
export const EMITTED_ERROR_CODES = [
  // authorization refused: S3, STS, IAM and a few others / most services / EC2 / SNS
  // (src/engine/resources/owner.ts, accessDeniedCode)
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  // the caller's credentials
  'ExpiredToken',
  'InvalidClientTokenId',
  // STS
  'ValidationError',
  'MalformedPolicyDocument',
  'PackedPolicyTooLarge',
  'InvalidParameterValue',
  'InvalidIdentityToken',
  'ExpiredTokenException',
  'IDPRejectedClaim',
  'InvalidAuthorizationMessageException',
  // IAM's own (IAM API Reference, the Errors of each action carried out: src/engine/iam/api/)
  'MissingAuthenticationToken',
  'LimitExceeded',
  'NoSuchEntity',
  'EntityAlreadyExists',
  'InvalidInput',
  'UnmodifiableEntity',
  'DeleteConflict',
  // CloudFormation CreateStack (AWS CloudFormation API Reference "CreateStack", Errors)
  'AlreadyExistsException',
  // EKS Auth (Pod Identity)
  'InvalidTokenException',
  // the SDK in a pod, before any request
  'CredentialsProviderError',
  // Lambda (AWS Lambda API Reference, CreateFunction, UpdateFunctionConfiguration, Invoke: Errors)
  'ValidationException',
  'InvalidParameterValueException',
  'ResourceConflictException',
  'ResourceNotFoundException',
  // EC2 (Amazon EC2 API Reference, "Error codes")
  'InvalidInstanceID.NotFound',
  'IncorrectState',
  'MissingParameter',
  // ECS (Amazon ECS API Reference, RegisterTaskDefinition and RunTask: Errors)
  'ClientException',
  // S3 PutBucketPolicy / DeleteBucketPolicy (services/s3.ts; Amazon S3 API Reference "Error responses")
  'MalformedPolicy',
  'MethodNotAllowed',
  'NoSuchBucket',
  'InvalidRequest',
  'MissingRequestBodyError',
  // the IAM Identity Center portal (AWS IAM Identity Center Portal API Reference, GetRoleCredentials:
  // Errors; ForbiddenException "No access" as the AWS CLI reports it: src/engine/sso/portal.ts)
  'UnauthorizedException',
  'ForbiddenException',
  'InvalidRequestException',
  // the AWS sign-in page refusing a SAML response (IAM User Guide "Troubleshoot SAML 2.0 federation
  // with AWS": "Failed to assume role: Issuer not present in specified provider (service:
  // AWSOpenIdDiscoveryService; status code: 400; error code: AuthSamlInvalidSamlResponseException)")
  'AuthSamlInvalidSamlResponseException',
] as const;

export type ErrorCode = (typeof EMITTED_ERROR_CODES)[number];

/** Codes AWS documents for the modelled actions and services that the engine never produces. */
const DOCUMENTED_ERROR_CODES: readonly string[] = [
  // STS actions' Errors sections
  'RegionDisabledException',
  'IDPCommunicationError',
  // Common Errors of STS and IAM (query APIs)
  'IncompleteSignature',
  'InternalFailure',
  'InvalidAction',
  'InvalidParameterCombination',
  'InvalidQueryParameter',
  'MalformedQueryString',
  'MissingAction',
  'NotAuthorized',
  'OptInRequired',
  'RequestExpired',
  'ServiceUnavailable',
  'ThrottlingException',
  'SignatureDoesNotMatch',
  // IAM actions' Errors sections (PutUserPolicy, CreateRole, DeleteRole …)
  'ServiceFailure',
  'ConcurrentModification',
  // EKS Auth's AssumeRoleForPodIdentity
  'InternalServerException',
  'InvalidParameterException',
  'ServiceUnavailableException',
  // the IAM Identity Center portal's
  'TooManyRequestsException',
  // ECS RunTask's Errors the engine does not produce (clusters are not modelled)
  'ClusterNotFoundException',
  'ServerException',
  // Amazon S3's list of error codes
  'AccountProblem',
  'AllAccessDisabled',
  'AuthorizationHeaderMalformed',
  'BadDigest',
  'BucketAlreadyExists',
  'BucketAlreadyOwnedByYou',
  'BucketNotEmpty',
  'EntityTooLarge',
  'EntityTooSmall',
  'IllegalVersioningConfigurationException',
  'IncompleteBody',
  'InternalError',
  'InvalidAccessKeyId',
  'InvalidArgument',
  'InvalidBucketName',
  'InvalidBucketState',
  'InvalidDigest',
  'InvalidObjectState',
  'InvalidPart',
  'InvalidPartOrder',
  'InvalidRange',
  'InvalidStorageClass',
  'InvalidToken',
  'InvalidURI',
  'KeyTooLongError',
  'MalformedACLError',
  'MalformedXML',
  'MissingContentLength',
  'MissingSecurityHeader',
  'NoSuchBucketPolicy',
  'NoSuchKey',
  'NoSuchLifecycleConfiguration',
  'NoSuchUpload',
  'NoSuchVersion',
  'NotImplemented',
  'OperationAborted',
  'PermanentRedirect',
  'PreconditionFailed',
  'RequestTimeout',
  'RequestTimeTooSkewed',
  'SlowDown',
  'TemporaryRedirect',
  'TooManyBuckets',
];

/** The codes `expect error CODE` may name: the engine's and the documented ones, once each. */
export const KNOWN_ERROR_CODES: readonly string[] = [...new Set<string>([...EMITTED_ERROR_CODES, ...DOCUMENTED_ERROR_CODES])];
