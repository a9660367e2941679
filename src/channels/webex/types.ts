/** The Webex shapes the channel reads (messaging-subset.openapi.json). */

/** A webhook POST: the webhook's own fields, who acted, and the event's data. */
export interface WebexWebhookEvent {
  id?: string;
  resource?: string;
  event?: string;
  actorId?: string;
  data?: {
    id?: string;
    roomId?: string;
    roomType?: string;
    personId?: string;
    personEmail?: string;
    messageId?: string;
  };
}

export interface WebexMessage {
  id: string;
  roomId: string;
  roomType?: 'direct' | 'group';
  text?: string;
  markdown?: string;
  html?: string;
  files?: string[];
  personId: string;
  personEmail?: string;
  created?: string;
}

export interface WebexAttachmentAction {
  id: string;
  type?: string;
  messageId: string;
  inputs?: Record<string, unknown>;
  personId: string;
  roomId: string;
  created?: string;
}

export interface WebexPerson {
  id: string;
  emails?: string[];
  displayName?: string;
}

/** What POST /messages takes from the bot. */
export interface WebexOutgoingMessage {
  roomId: string;
  markdown: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
}
