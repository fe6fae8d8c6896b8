/**
 * The state an AppStream fleet is kept in after each deployment.
 *
 * CloudFormation creates fleets STOPPED (its `CreationPolicy.StartFleet` starts one on creation
 * only); a desired state is applied after the fleet is created, after every update of it and when
 * the desired state itself changes.
 */
export enum FleetState {
  /**
   * The fleet runs and users can stream.
   *
   * Cost: an ALWAYS_ON fleet bills every running instance continuously, streaming or not; an
   * ON_DEMAND fleet bills a small hourly fee per stopped instance plus streaming time; an ELASTIC
   * fleet bills streaming time only. Starting a fleet takes 10 to 20 minutes, which the
   * deployment waits for.
   */
  RUNNING = 'RUNNING',

  /**
   * The fleet is stopped: no instances, no instance charges, nobody can stream.
   */
  STOPPED = 'STOPPED',
}

/**
 * What a deployment does when it changes a property that a RUNNING fleet refuses to change
 * (anything but the display name, the capacity, the image and the two disconnect timeouts; for
 * Elastic fleets anything but the display name, the two disconnect timeouts, the maximum
 * concurrent sessions, the session script and the USB device filters).
 */
export enum FleetUpdateBehavior {
  /**
   * Stop the fleet, wait until it is STOPPED, let CloudFormation update it, then start it again
   * if its desired state is RUNNING.
   *
   * Downtime: users cannot stream from the moment the stop begins until the restarted fleet is
   * RUNNING again, typically 15 to 30 minutes (stopping takes a few minutes, starting 10 to 20);
   * active sessions end when the fleet stops. Changes a running fleet accepts cause no stop.
   *
   * If the deployment fails after the fleet was stopped, CloudFormation's rollback restores the
   * fleet's properties but not its state when the restart had not begun: the fleet stays STOPPED
   * until the next deployment that changes it, or until it is started by hand
   * (`aws appstream start-fleet --name <fleet>`). Starting it during the rollback could make the
   * rollback itself fail, since a running fleet refuses the old values too.
   */
  STOP_AND_RESTART = 'STOP_AND_RESTART',

  /**
   * Never stop a running fleet: fail the deployment before the fleet is touched, with a message
   * naming the properties that need a stopped fleet. Stop the fleet yourself, then deploy again.
   */
  FAIL = 'FAIL',
}
