/** Whether an AppStream error says the resource does not exist (the SDK's error name; no instanceof across bundles). */
export function isNotFound(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'ResourceNotFoundException';
}
