// EKS commands: the cluster, its namespaces, service accounts and pods as a scenario declares them,
// and EKS Pod Identity associations. The resolver resolves every reference to an ARN.

export type EksCommand =
  | {
      readonly type: 'CreateCluster';
      readonly data: {
        readonly arn: string;
        readonly name: string;
        readonly account: string;
        readonly region: string;
        readonly issuer: string;
      };
    }
  | { readonly type: 'CreateNamespace'; readonly data: { readonly cluster: string; readonly name: string } }
  | {
      readonly type: 'CreateServiceAccount';
      readonly data: {
        readonly key: string;
        readonly cluster: string;
        readonly namespace: string;
        readonly name: string;
        readonly annotations: { readonly [key: string]: string };
      };
    }
  | {
      readonly type: 'CreatePodIdentityAssociation';
      readonly data: { readonly cluster: string; readonly namespace: string; readonly serviceAccount: string; readonly roleArn: string };
    }
  | {
      readonly type: 'CreatePod';
      readonly data: {
        readonly key: string;
        readonly cluster: string;
        readonly namespace: string;
        readonly name: string;
        readonly serviceAccount: string; // the key of its service account
      };
    };
