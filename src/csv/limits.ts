/** How much of an uploaded table is read: the caps apply before reading. */
export interface TableLimits {
  maxRows: number;
  maxBytes: number;
}
