import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { FixedClock } from '../../../src/main/vault/clock.js';
import { measureClockOffset } from '../../../src/main/vault/clock-check/sntp.js';

const NTP_TO_UNIX = 2_208_988_800;
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

/** A real SNTP server on loopback whose clock reads `serverTime()`. */
async function fakeNtpServer(
  serverTime: () => number,
  tamper?: (reply: Buffer) => void,
): Promise<number> {
  const socket = createSocket('udp4');
  sockets.push(socket);
  socket.on('message', (request, peer) => {
    const reply = Buffer.alloc(48);
    reply[0] = (4 << 3) | 4; // version 4, server mode
    reply[1] = 2; // stratum 2
    request.copy(reply, 24, 40, 48); // originate = the client's transmit time
    const write = (offset: number, ms: number) => {
      reply.writeUInt32BE(Math.floor(ms / 1000) + NTP_TO_UNIX, offset);
      reply.writeUInt32BE(Math.floor(((ms % 1000) / 1000) * 2 ** 32), offset + 4);
    };
    write(32, serverTime());
    write(40, serverTime());
    tamper?.(reply);
    socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return socket.address().port;
}

describe('SNTP clock check', () => {
  const local = Date.UTC(2026, 4, 3, 10, 0, 0);

  it('measures how far the local clock is behind the server', async () => {
    const port = await fakeNtpServer(() => local + 20_000);
    const check = await measureClockOffset('127.0.0.1', { port, clock: new FixedClock(local) });
    expect(check).toMatchObject({ offsetMs: 20_000, server: '127.0.0.1', checkedAt: local });
  });

  it('measures a clock that is ahead as a negative offset', async () => {
    const port = await fakeNtpServer(() => local - 90_500);
    expect(
      (await measureClockOffset('127.0.0.1', { port, clock: new FixedClock(local) })).offsetMs,
    ).toBe(-90_500);
  });

  it('refuses an answer that does not echo the question', async () => {
    const port = await fakeNtpServer(
      () => local,
      (reply) => reply.fill(0, 24, 32),
    );
    await expect(
      measureClockOffset('127.0.0.1', { port, clock: new FixedClock(local) }),
    ).rejects.toThrow(/does not match the question/);
  });

  it('gives up after the timeout with a clear error when nobody answers', async () => {
    const silent = createSocket('udp4');
    sockets.push(silent);
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    const error = await measureClockOffset('127.0.0.1', {
      port: silent.address().port,
      timeoutMs: 200,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).message).toMatch(/no answer within 0.2 s/);
  });
});
