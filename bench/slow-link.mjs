// A slow phone connection, played by the server: every response waits one round trip (plus its
// request's upload time), then all responses in flight share one downlink, in turns.
//
// Why here and not Chromium's network emulation (CDP Network.emulateNetworkConditions): that
// slows the page and its dedicated workers, but not the service worker, whose precache then
// downloads at loopback speed (measured: installed 3.4 s after navigating to a lesson, where
// its 1.8 MB gzip alone need 9 s at 1.6 Mbit/s; through this link, 35 s). On a phone they all
// share one link; here they do too.
const TICK_MS = 10;

export class SlowLink {
  /** @param {{ rttMs: number, downBitsPerSecond: number, upBitsPerSecond: number }} conditions */
  constructor({ rttMs, downBitsPerSecond, upBitsPerSecond }) {
    this.rttMs = rttMs;
    this.downBytesPerMs = downBitsPerSecond / 8 / 1000;
    this.upBytesPerMs = upBitsPerSecond / 8 / 1000;
    /** Responses being sent: { res, bytes, sent }. */
    this.active = [];
    this.timer = undefined;
    /** When the downlink last sent, and what it may still send (a late timer must not slow it). */
    this.last = 0;
    this.budget = 0;
    /** Every request sent through the link: { url, bytes, at } (at: performance.now() on arrival). */
    this.requests = [];
  }

  /** Sends `bytes` (headers already set on `res`) at the link's pace; `requestBytes` is the request's size. */
  send(res, bytes, requestBytes) {
    this.requests.push({ url: res.req.url, bytes: bytes.byteLength, at: performance.now() });
    const wait = this.rttMs + requestBytes / this.upBytesPerMs;
    setTimeout(() => {
      if (res.destroyed) return; // the page went away meanwhile
      res.flushHeaders();
      this.active.push({ res, bytes, sent: 0 });
      if (this.timer) return;
      this.last = performance.now();
      this.budget = 0;
      this.timer = setInterval(() => this.tick(), TICK_MS);
    }, wait);
    res.on('close', () => (this.active = this.active.filter((t) => t.res !== res)));
  }

  /** The downlink's bytes since the last tick, split evenly between the responses in flight. */
  tick() {
    const now = performance.now();
    this.budget += (now - this.last) * this.downBytesPerMs;
    this.last = now;
    while (this.budget >= 1 && this.active.length > 0) {
      const share = Math.max(1, Math.floor(this.budget / this.active.length));
      for (const transfer of [...this.active]) {
        const chunk = transfer.bytes.subarray(transfer.sent, transfer.sent + share);
        transfer.sent += chunk.byteLength;
        this.budget -= chunk.byteLength;
        if (transfer.sent < transfer.bytes.byteLength) transfer.res.write(chunk);
        else {
          transfer.res.end(chunk);
          this.active = this.active.filter((t) => t !== transfer);
        }
      }
    }
    if (this.active.length === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
