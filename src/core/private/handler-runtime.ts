/**
 * The Node.js major version of every function the library creates: the Lambda runtime
 * (`nodejs<major>.x`, in `appstream-provider.ts`) and the esbuild target of the handler bundle
 * (`node<major>`, in `.projenrc.ts`) both come from here, so they cannot drift apart.
 *
 * The newest runtime Lambda offers, as cdk-nag's AwsSolutions-L1 asks. No imports: `.projenrc.ts`
 * reads this file too.
 */
export const HANDLER_NODE_MAJOR = 24;
