/**
 * A negotiation-room member as the web client behaves: one Socket.IO connection with the
 * default transports (long-polling, then WebSocket), which reconnects by itself and on every
 * connect joins the room again, catching up after the last message it holds; messages are
 * kept one per seq; a send is retried with the same clientId until acknowledged.
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack, ChatMessage, JoinResult } from '../../server/api-contract/socket-events';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RoomMember {
  readonly socket: Socket;
  /** Every message held, by seq (live and caught up). */
  readonly bySeq = new Map<number, ChatMessage>();
  /** Message ids delivered live more than once on one connection (should stay empty). */
  readonly doubled: string[] = [];
  connections = 0;
  /** What happened on this member's connections, oldest first (for a failure's message). */
  readonly history: string[] = [];
  private liveOnThisConnection = new Set<string>();
  private joined: Promise<void>;
  private markJoined: () => void = () => undefined;

  constructor(
    baseUrl: string,
    cookie: string,
    private readonly dealId: string,
  ) {
    this.joined = this.pendingJoin();
    this.socket = io(`${baseUrl}/deals`, {
      forceNew: true,
      extraHeaders: { cookie },
      rejectUnauthorized: false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.socket.on('connect', () => {
      this.connections++;
      this.note(`connected (${this.socket.id})`);
      this.liveOnThisConnection = new Set();
      void this.join();
    });
    this.socket.on('disconnect', (reason) => {
      this.note(`disconnected: ${reason}`);
      this.joined = this.pendingJoin();
    });
    this.socket.on('message:new', ({ message }: { message: ChatMessage }) => {
      if (this.liveOnThisConnection.has(message.id)) this.doubled.push(message.id);
      this.liveOnThisConnection.add(message.id);
      this.note(`live ${message.seq}`);
      this.bySeq.set(message.seq, message);
    });
  }

  private pendingJoin(): Promise<void> {
    return new Promise((resolve) => (this.markJoined = resolve));
  }

  /**
   * Joins the room on the connection open now. A join refused or unanswered on a connection that
   * stays open (a process shutting down, a busy machine) is asked again; when the connection
   * dropped meanwhile, its next connect joins.
   */
  private async join(attempt = 1): Promise<void> {
    const connection = this.socket.id;
    const seqs = [...this.bySeq.keys()];
    const afterSeq = seqs.length > 0 ? Math.max(...seqs) : undefined;
    const res = await this.emit<JoinResult>('deal:join', { dealId: this.dealId, afterSeq }, 5000);
    this.note(
      `join after ${afterSeq ?? '-'} (${connection}): ${res === undefined ? 'no answer' : res.ok ? `caught up [${res.messages.map((m) => m.seq).join(' ')}]` : res.error.code}`,
    );
    if (!this.socket.connected || this.socket.id !== connection) return;
    if (!res?.ok) {
      if (attempt >= 50) return;
      await sleep(200);
      if (!this.socket.connected || this.socket.id !== connection) return;
      return this.join(attempt + 1);
    }
    for (const m of res.messages) this.bySeq.set(m.seq, m);
    this.markJoined();
  }

  private note(what: string): void {
    this.history.push(`${new Date().toISOString().slice(11, 23)} ${what}`);
  }

  /** Resolves once the member is connected and in the room. */
  ready(): Promise<void> {
    return this.joined;
  }

  private emit<T extends object>(
    event: string,
    payload: unknown,
    timeoutMs: number,
  ): Promise<Ack<T> | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      this.socket.emit(event, payload, (res: Ack<T>) => {
        clearTimeout(timer);
        resolve(res);
      });
    });
  }

  /** Sends until acknowledged (the same clientId each time: the server stores it once). */
  async send(body: string): Promise<ChatMessage> {
    const clientId = `c-${Math.random().toString(36).slice(2)}`;
    for (let attempt = 0; attempt < 50; attempt++) {
      await this.ready();
      const res = await this.emit<{ message: ChatMessage }>(
        'message:send',
        { dealId: this.dealId, body, clientId },
        3000,
      );
      if (res?.ok) return res.message;
      if (res && !res.ok && res.error.code !== 'rate_limited')
        throw new Error(`send refused: ${res.error.code}`);
      await sleep(200);
    }
    throw new Error(`could not send "${body}"`);
  }

  close(): void {
    this.socket.close();
  }
}
