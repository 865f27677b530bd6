export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Outgoing mail: SES on AWS; locally the same SES client reaches the local cloud's mail catcher. */
export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}
