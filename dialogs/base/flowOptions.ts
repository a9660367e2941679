/** Options every flow dialog receives: what followed the typed command. */
export interface FlowOptions {
  rest?: string;
  /** `rest` as typed (case and punctuation kept), for the task phrases ("create list Suppliers EMEA"). */
  restText?: string;
  /** The data of the card button that started the flow (e.g. a location to keep). */
  value?: Record<string, unknown>;
}
