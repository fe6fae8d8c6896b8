/**
 * How a fleet provides streaming instances.
 */
export enum FleetType {
  /**
   * Instances run all the time: users connect instantly; you pay for every running instance,
   * streaming or not.
   */
  ALWAYS_ON = 'ALWAYS_ON',

  /**
   * Instances are stopped until a user connects (one to two minutes to start); you pay the streaming
   * rate while users are connected and a small hourly fee for idle instances.
   */
  ON_DEMAND = 'ON_DEMAND',

  /**
   * A pool of instances managed by AppStream, sized per session up to `maxConcurrentSessions`; apps
   * come from app blocks instead of an image.
   */
  ELASTIC = 'ELASTIC',
}

/**
 * What users see when they stream from a fleet.
 */
export enum StreamView {
  /** Only the windows of the applications that users open. */
  APP = 'APP',

  /** The operating system's standard desktop. */
  DESKTOP = 'DESKTOP',
}
