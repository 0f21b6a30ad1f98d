import { createSocket, type Socket } from 'node:dgram';

const NTP_TO_UNIX = 2_208_988_800;

export interface FakeTimeServer {
  port: number;
  socket: Socket;
  close(): Promise<void>;
}

/**
 * A real SNTP server on loopback whose clock reads `serverTime()`; `tamper`
 * may spoil each reply. For the opt-in clock check, in unit and e2e tests.
 */
export async function startFakeTimeServer(
  serverTime: () => number,
  tamper?: (reply: Buffer) => void,
): Promise<FakeTimeServer> {
  const socket = createSocket('udp4');
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
  return {
    port: socket.address().port,
    socket,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
