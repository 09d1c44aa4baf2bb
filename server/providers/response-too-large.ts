/** An endpoint sent more bytes than we read for one answer: reading stopped, nothing more is held in memory. */
export class ResponseTooLargeError extends Error {
  constructor(readonly maxBytes: number, where: string) {
    super(`the endpoint's answer exceeded ${Math.round(maxBytes / 1024)} KiB ${where}; reading stopped`);
    this.name = 'ResponseTooLargeError';
  }
}
