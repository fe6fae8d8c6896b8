// Placeholder until the handler lands; replaced by its implementation.
export async function handler(): Promise<never> {
  throw new Error('not implemented yet');
}
