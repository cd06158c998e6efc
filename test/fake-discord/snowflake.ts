/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from here. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/**
 * Hands out real-looking, strictly increasing snowflakes.
 *
 * They encode the current time because discord.js derives `createdAt` from them, and they
 * have the usual 18-19 digits because @discordjs/rest only recognises ids of 17-19 digits as
 * the "major parameter" of a route (the rate-limit bucket key).
 */
export class SnowflakeSequence {
  private last = 0n;

  next(): string {
    const fromClock = (BigInt(Date.now()) - DISCORD_EPOCH_MS) << 22n;
    // Several ids in one millisecond: keep counting up from the previous one.
    const id = fromClock > this.last ? fromClock : this.last + 1n;
    this.last = id;
    return id.toString();
  }
}
