import * as cdk from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';

/**
 * Who issues the tokens a `StreamingPortal` accepts: a Cognito user pool, or any OpenID Connect
 * issuer. The portal's JWT authorizer checks each token's signature (against the issuer's JWKS),
 * issuer, audience (`aud`, or `client_id` in a Cognito access token) and expiry.
 */
export class PortalIdentityProvider {
  /**
   * Tokens of a Cognito user pool, for the given app clients (their ids are the audience).
   *
   * @param userPool the user pool whose ID or access tokens the portal accepts
   * @param clients the app clients whose tokens the portal accepts (at least one)
   */
  public static fromUserPool(userPool: cognito.IUserPool, clients: cognito.IUserPoolClient[]): PortalIdentityProvider {
    const issuerUrl = `https://cognito-idp.${cdk.Stack.of(userPool).region}.${cdk.Stack.of(userPool).urlSuffix}/${userPool.userPoolId}`;
    return new PortalIdentityProvider(issuerUrl, (clients ?? []).map((client) => client.userPoolClientId));
  }

  /**
   * Tokens of any OpenID Connect issuer (Okta, Entra ID, Auth0, Keycloak, ...).
   *
   * @param issuerUrl the issuer (`iss` claim), an https URL whose `/.well-known/openid-configuration` names the JWKS
   * @param audience the accepted audiences (`aud` claim, or `client_id`): at least one
   */
  public static fromIssuer(issuerUrl: string, audience: string[]): PortalIdentityProvider {
    return new PortalIdentityProvider(issuerUrl, audience);
  }

  private constructor(
    /** The issuer URL, as the tokens' `iss` claim names it. */
    public readonly issuerUrl: string,
    /** The audiences the portal accepts. */
    public readonly audience: string[],
  ) {}
}
