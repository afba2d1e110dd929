// The errors a Signature Version 4 check answers, in the words AWS answers them. Two dialects: the
// Query and JSON services (STS, IAM, …: "Common Errors" of the STS and IAM API References, the texts
// AWS puts in <Message>, as quoted in the threads cited in docs/aws-rules.md) and S3, whose codes and
// messages are its own (Amazon S3 API Reference, "Error responses", list of error codes).

/** An AWS error as the server must answer it: the code, the message, the HTTP status. */
export interface SigV4Error {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
  readonly status: number;
}

/** Which family of errors a service answers with: S3's own, or the one of the Query/JSON services. */
export type Dialect = 's3' | 'query';

export function dialectOf(service: string): Dialect {
  return service === 's3' ? 's3' : 'query';
}

function error(code: string, message: string, status: number): SigV4Error {
  return { ok: false, code, message, status };
}

/** The window around the server's clock inside which a request's date must fall (15 minutes). */
export const SKEW_MINUTES = 15;

export const SIGNATURE_MISMATCH_TEXT =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export const errors = {
  /** No Authorization header and no X-Amz-Signature / X-Amz-Credential in the query. */
  missingAuthentication(d: Dialect): SigV4Error {
    return d === 's3'
      ? error('AccessDenied', 'Access Denied', 403)
      : error('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
  },

  /** Parts missing from the Authorization header: AWS names each, then repeats the header. */
  incompleteHeader(d: Dialect, missing: readonly string[], authorization: string): SigV4Error {
    return d === 's3'
      ? error(
          'AuthorizationHeaderMalformed',
          'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
          400,
        )
      : error('IncompleteSignature', `${missing.join(' ')} Authorization=${authorization}`, 400);
  },

  /** A component of the Authorization header that is not `key=value`. */
  notKeyValue(d: Dialect, part: string, authorization: string): SigV4Error {
    return d === 's3'
      ? error('AuthorizationHeaderMalformed', `The authorization header is malformed; '${part}' is not a valid key=value pair.`, 400)
      : error(
          'IncompleteSignature',
          `'${part}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`,
          400,
        );
  },

  /** Parameters missing from a presigned (query-string) request. */
  incompleteQuery(d: Dialect, missing: readonly string[]): SigV4Error {
    const sentences = missing.map((name) => `AWS query-string parameters must include '${name}'.`).join(' ');
    return d === 's3'
      ? error(
          'AuthorizationQueryParametersError',
          `Query-string authentication version 4 requires the ${missing.join(', ')} parameters.`,
          400,
        )
      : error('IncompleteSignature', `${sentences} Re-examine the query-string parameters.`, 400);
  },

  unsupportedAlgorithm(d: Dialect, algorithm: string): SigV4Error {
    return d === 's3'
      ? error('InvalidRequest', 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.', 400)
      : error('IncompleteSignature', `Unsupported AWS 'algorithm': '${algorithm}'.`, 400);
  },

  badCredential(d: Dialect, credential: string): SigV4Error {
    return d === 's3'
      ? error(
          'AuthorizationHeaderMalformed',
          `The authorization header is malformed; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`,
          400,
        )
      : error(
          'IncompleteSignature',
          `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
          400,
        );
  },

  badDate(d: Dialect, date: string): SigV4Error {
    return d === 's3'
      ? error('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header', 403)
      : error(
          'IncompleteSignature',
          `Date must be in ISO-8601 'basic format'. Got '${date}'. See http://en.wikipedia.org/wiki/ISO_8601`,
          400,
        );
  },

  hostNotSigned(d: Dialect): SigV4Error {
    return d === 's3'
      ? error('AccessDenied', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", 403)
      : error('IncompleteSignature', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", 400);
  },

  /** The credential scope names another date, region, service or terminator (each sentence AWS gives, joined). */
  scope(d: Dialect, auth: 'header' | 'query', sentences: readonly string[], expected: string, given: string): SigV4Error {
    if (d === 's3' && given !== expected) {
      return auth === 'header'
        ? error(
            'AuthorizationHeaderMalformed',
            `The authorization header is malformed; the region '${given}' is wrong; expecting '${expected}'`,
            400,
          )
        : error(
            'AuthorizationQueryParametersError',
            `Error parsing the X-Amz-Credential parameter; the region '${given}' is wrong; expecting '${expected}'`,
            400,
          );
    }
    if (d === 's3') return error('SignatureDoesNotMatch', sentences.join(''), 403);
    return error('SignatureDoesNotMatch', sentences.join(''), 403);
  },

  /** The request's date is more than 15 minutes before the server's clock. */
  signatureExpired(d: Dialect, signed: string, earliest: string, now: string): SigV4Error {
    return d === 's3'
      ? error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403)
      : error('SignatureDoesNotMatch', `Signature expired: ${signed} is now earlier than ${earliest} (${now} - ${SKEW_MINUTES} min.)`, 403);
  },

  /** The request's date is more than 15 minutes after the server's clock. */
  signatureNotYetCurrent(d: Dialect, signed: string, latest: string, now: string): SigV4Error {
    return d === 's3'
      ? error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403)
      : error(
          'SignatureDoesNotMatch',
          `Signature not yet current: ${signed} is still later than ${latest} (${now} + ${SKEW_MINUTES} min.)`,
          403,
        );
  },

  /** S3: a presigned URL used after X-Amz-Date + X-Amz-Expires. */
  presignedExpired(): SigV4Error {
    return error('AccessDenied', 'Request has expired', 403);
  },

  /** S3: a presigned URL whose X-Amz-Expires is not a number of seconds from 1 to 604800. */
  badExpires(value: string): SigV4Error {
    const n = Number(value);
    return Number.isInteger(n) && n > 604800
      ? error('AuthorizationQueryParametersError', 'X-Amz-Expires must be less than a week (in seconds) that is 604800', 400)
      : error('AuthorizationQueryParametersError', 'X-Amz-Expires should be a number', 400);
  },

  /** An access key the world does not know, or one that is inactive. */
  unknownKey(d: Dialect): SigV4Error {
    return d === 's3'
      ? error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403)
      : error('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  },

  /** A session token that is missing, not the key's, or given with a long-term key. */
  badToken(d: Dialect): SigV4Error {
    return d === 's3'
      ? error('InvalidToken', 'The provided token is malformed or otherwise invalid.', 400)
      : error('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  },

  expiredToken(d: Dialect): SigV4Error {
    return d === 's3'
      ? error('ExpiredToken', 'The provided token has expired.', 400)
      : error('ExpiredToken', 'The security token included in the request is expired', 403);
  },

  signatureMismatch(d: Dialect): SigV4Error {
    return d === 's3'
      ? error(
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
          403,
        )
      : error('SignatureDoesNotMatch', SIGNATURE_MISMATCH_TEXT, 403);
  },

  /** S3: header auth without x-amz-content-sha256. */
  missingContentSha256(): SigV4Error {
    return error('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256', 400);
  },

  /** S3: an x-amz-content-sha256 that is neither a hash nor one of the named payload kinds. */
  badContentSha256(): SigV4Error {
    return error(
      'InvalidArgument',
      'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
      400,
    );
  },

  /** S3: the body's SHA-256 is not the one x-amz-content-sha256 announced. */
  contentSha256Mismatch(): SigV4Error {
    return error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400);
  },
} as const;
