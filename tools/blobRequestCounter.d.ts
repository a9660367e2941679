export interface BlobRequest {
  /** e.g. "lease-acquire", "lease-release", "read", "write", "container-put". */
  op: string;
  /** "turnLock", "conversationState", "userState", "container", or the blob name's first segment. */
  target: string;
  status: number;
}

export interface BlobRequestCounter {
  port: number;
  /** Azurite's development account, through the proxy. */
  connectionString: string;
  requests(): BlobRequest[];
  reset(): void;
  counts(): Record<string, number>;
  stop(): Promise<void>;
}

export function startBlobRequestCounter(azuritePort: number): Promise<BlobRequestCounter>;
export function countRequests(requests: BlobRequest[]): Record<string, number>;
