import { createTransport } from "nodemailer";

/** A message as aigov sends it: plain text with an HTML twin, and the headers it needs. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** Where mail goes: SMTP in production, anything that records it in a test. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * A mailer over SMTP (`smtp://user:pass@host:port`, or `smtps://` for TLS from the start), through
 * nodemailer, which also upgrades a plain connection with STARTTLS when the server offers it.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
