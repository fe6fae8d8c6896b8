import { readUserListFile } from './private/user-list-file';
import { AuthenticationType, IUser } from './user';

/**
 * A user to entitle to an AppStream stack with a `UserStackAssociation`: a user name and how the
 * user signs in.
 *
 * AppStream identifies a user by the exact, case-sensitive name together with the authentication
 * type: `StackUser.saml('Bob')` and `StackUser.saml('bob')` are two users.
 */
export class StackUser {
  /**
   * A user of the AppStream user pool, by e-mail address (case kept).
   *
   * The user must exist in the user pool: create it with a `User` and prefer
   * `StackUser.fromUser()`, which also orders the deployment.
   *
   * @param email the user's e-mail address, with its exact capitalization
   */
  public static userPool(email: string): StackUser {
    return new StackUser(email, AuthenticationType.USERPOOL);
  }

  /**
   * A user who signs in through a SAML 2.0 identity provider.
   *
   * @param userName the user name as the identity provider asserts it (the SAML subject)
   */
  public static saml(userName: string): StackUser {
    return new StackUser(userName, AuthenticationType.SAML);
  }

  /**
   * A user who signs in through streaming URLs your application creates with the API.
   *
   * @param userName the user id your application passes to `CreateStreamingURL`
   */
  public static api(userName: string): StackUser {
    return new StackUser(userName, AuthenticationType.API);
  }

  /**
   * A user identified by an Active Directory identity (authentication type `AWS_AD`).
   *
   * @param userName the user name
   */
  public static activeDirectory(userName: string): StackUser {
    return new StackUser(userName, AuthenticationType.AWS_AD);
  }

  /**
   * A user of any authentication type, including one this library does not name yet
   * (`AuthenticationType.of('NEW_TYPE')`).
   *
   * @param userName the user name, case-sensitive
   * @param authenticationType how the user signs in
   */
  public static of(userName: string, authenticationType: AuthenticationType): StackUser {
    return new StackUser(userName, authenticationType);
  }

  /**
   * The user of a `User` construct (or of `User.fromUserName()`).
   *
   * A `UserStackAssociation` that lists it depends on the construct, so CloudFormation creates the
   * user before the association and deletes it after.
   *
   * @param user the user
   */
  public static fromUser(user: IUser): StackUser {
    return new StackUser(user.userName, user.authenticationType, user);
  }

  /**
   * Reads a list of users from a file at synth time: CSV (`.csv`) or JSON (`.json`).
   *
   * CSV: a header line naming the columns `userName` and `authenticationType` (in any order and
   * case; other columns are ignored), then one user per line; blank lines are skipped; a field
   * with a comma or a quote is quoted with `"`, a quote inside doubled.
   *
   * ```csv
   * userName,authenticationType
   * alice@example.com,USERPOOL
   * bob,SAML
   * ```
   *
   * JSON: an array of objects with exactly the keys `userName` and `authenticationType`.
   *
   * ```json
   * [{ "userName": "alice@example.com", "authenticationType": "USERPOOL" }]
   * ```
   *
   * `authenticationType` is `API`, `SAML`, `USERPOOL` or `AWS_AD` (any case). Names are checked
   * as `UserStackAssociation` checks them (1 to 128 characters without whitespace; user-pool names
   * are e-mail addresses), and a user listed twice is an error. Every problem of the file is
   * reported at once, each with the file name and line. A relative path is resolved against the
   * current working directory.
   *
   * @param filePath path of the `.csv` or `.json` file
   */
  public static fromFile(filePath: string): StackUser[] {
    const known = AuthenticationType.known().map((t) => t.value);
    return readUserListFile(filePath, known)
      .map((entry) => new StackUser(entry.userName, AuthenticationType.of(entry.authenticationType)));
  }

  /** The user name, case-sensitive: for a user-pool user, the e-mail address. */
  public readonly userName: string;

  /** How the user signs in. */
  public readonly authenticationType: AuthenticationType;

  /**
   * The user construct this entry comes from, which an association depends on.
   *
   * @default - none: the user is not a construct of this app
   */
  public readonly user?: IUser;

  private constructor(userName: string, authenticationType: AuthenticationType, user?: IUser) {
    this.userName = userName;
    this.authenticationType = authenticationType;
    this.user = user;
  }
}
