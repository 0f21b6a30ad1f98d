import { createSocket } from 'node:dgram';
import { VaultError } from '../../shared/errors.js';
import { type Clock, systemClock } from '../clock.js';
import { SECOND_MS } from '../../shared/durations.js';

/** The result of comparing this machine's clock with a network time server. */
export interface ClockCheck {
  /** How far the system clock is behind (+) or ahead (−) of the server, in ms. */
  offsetMs: number;
  roundTripMs: number;
  server: string;
  /** Epoch ms of the check, by the system clock. */
  checkedAt: number;
}

/** A network failure in words: no system error code, no library text. */
function networkFailure(error: NodeJS.ErrnoException, server: string): string {
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return `the name ${server} could not be looked up; is this computer offline?`;
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
      return 'the network cannot be reached; is this computer offline?';
    case 'ECONNREFUSED':
      return 'the server refused the connection';
    case 'EACCES':
    case 'EPERM':
      return 'this computer does not allow Sparekey to reach it (a firewall?)';
    default:
      return 'the network did not carry the question';
  }
}

export interface SntpOptions {
  port?: number;
  timeoutMs?: number;
  clock?: Clock;
}

const NTP_PACKET_LENGTH = 48;
/** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01. */
const NTP_TO_UNIX_SECONDS = 2_208_988_800;

function writeTimestamp(packet: Buffer, offset: number, epochMs: number): void {
  const seconds = Math.floor(epochMs / SECOND_MS) + NTP_TO_UNIX_SECONDS;
  const fraction = Math.round(((epochMs % SECOND_MS) / SECOND_MS) * 2 ** 32);
  packet.writeUInt32BE(seconds >>> 0, offset);
  packet.writeUInt32BE(Math.min(fraction, 2 ** 32 - 1), offset + 4);
}

function readTimestamp(packet: Buffer, offset: number): number {
  const seconds = packet.readUInt32BE(offset);
  const fraction = packet.readUInt32BE(offset + 4);
  return (seconds - NTP_TO_UNIX_SECONDS) * SECOND_MS + (fraction / 2 ** 32) * SECOND_MS;
}

/**
 * One SNTP exchange (RFC 4330) with `server`: the clock offset and round trip.
 * This is the only network access Sparekey makes, and only when the user asks.
 */
export function measureClockOffset(server: string, options: SntpOptions = {}): Promise<ClockCheck> {
  const clock = options.clock ?? systemClock;
  const port = options.port ?? 123;
  const timeoutMs = options.timeoutMs ?? 5 * SECOND_MS;
  return new Promise((resolve, reject) => {
    const socket = createSocket(server.includes(':') ? 'udp6' : 'udp4');
    const fail = (message: string) => {
      clearTimeout(timer);
      socket.close();
      reject(
        new VaultError(
          'IO_ERROR',
          `The time check with ${server} failed: ${message}${/[.?!]$/.test(message) ? '' : '.'}`,
        ),
      );
    };
    const timer = setTimeout(() => fail(`no answer within ${timeoutMs / SECOND_MS} s`), timeoutMs);

    const request = Buffer.alloc(NTP_PACKET_LENGTH);
    request[0] = (0 << 6) | (4 << 3) | 3; // no leap warning, version 4, client mode
    const sentAt = clock.now();
    writeTimestamp(request, 40, sentAt);
    const originate = request.subarray(40, 48);

    socket.on('error', (error) => fail(networkFailure(error, server)));
    socket.on('message', (response) => {
      const receivedAt = clock.now();
      if (response.length < NTP_PACKET_LENGTH) return fail('the answer is too short');
      const mode = (response[0] ?? 0) & 0x07;
      const stratum = response[1] ?? 0;
      if (mode !== 4) return fail('the answer is not from a time server');
      if (stratum === 0) return fail("the server refused to answer (kiss-o'-death)");
      if (!response.subarray(24, 32).equals(originate))
        return fail('the answer does not match the question');
      const serverReceived = readTimestamp(response, 32);
      const serverSent = readTimestamp(response, 40);
      clearTimeout(timer);
      socket.close();
      resolve({
        offsetMs: Math.round((serverReceived - sentAt + (serverSent - receivedAt)) / 2),
        roundTripMs: Math.max(0, receivedAt - sentAt - (serverSent - serverReceived)),
        server,
        checkedAt: receivedAt,
      });
    });
    socket.send(request, port, server, (error) => {
      if (error) fail(networkFailure(error, server));
    });
  });
}
