import { SMTPServer } from 'smtp-server';

/**
 * For `npm run demo` only: a local SMTP server on the development default (127.0.0.1:1025) that
 * accepts every message and prints one line per message (to, subject), so the broadcast e-mails
 * of the seeded offers can be seen without a mail relay. Production sends through SMTP_URL.
 */
const port = Number(process.argv[2] ?? 1025);

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      if (raw.length < 64 * 1024) raw += chunk;
    });
    stream.on('end', () => {
      // Long headers are folded over several lines: unfold before reading the subject.
      const headers = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
      const subject = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '(no subject)';
      const to = session.envelope.rcptTo.map((address) => address.address).join(', ');
      process.stdout.write(`[mail] to ${to}: ${decodeSubject(subject)}\n`);
      callback();
    });
  },
});

// Subjects with accents arrive as RFC 2047 encoded words.
function decodeSubject(subject: string): string {
  // Whitespace between two encoded words is not part of the text (RFC 2047, 6.2).
  return subject.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

server.on('error', (error) => process.stderr.write(`[mail] ${error.message}\n`));
server.listen(port, '127.0.0.1', () => process.stdout.write(`[mail] demo mail catcher on smtp://127.0.0.1:${port}\n`));
