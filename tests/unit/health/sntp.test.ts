import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { VaultError } from '../../../src/shared/errors.js';
import { FixedClock } from '../../../src/core/clock.js';
import { measureClockOffset } from '../../../src/core/clock-check/sntp.js';
import { startFakeTimeServer } from '../../support/fake-time-server.js';

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

async function fakeNtpServer(
  serverTime: () => number,
  tamper?: (reply: Buffer) => void,
): Promise<number> {
  const server = await startFakeTimeServer(serverTime, tamper);
  sockets.push(server.socket);
  return server.port;
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

describe('the clock check offline', () => {
  it('says in words that a name cannot be looked up, with no system error code', async () => {
    // .invalid never resolves (RFC 6761): the lookup fails as it does offline.
    const error = await measureClockOffset('time.sparekey.invalid', { timeoutMs: 4000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VaultError);
    const message = (error as VaultError).message;
    expect(message).toBe(
      'The time check with time.sparekey.invalid failed: the name time.sparekey.invalid could not be looked up; is this computer offline?',
    );
    expect(message).not.toMatch(/ENOTFOUND|EAI_|getaddrinfo/);
  });
});
