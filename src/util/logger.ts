/**
 * The library's log, with the levels Twilio's `Logger` and SignalWire's `logLevel` use
 * (`trace`, `debug`, `info`, `warn`, `error`, `silent`; default `warn`). `Logger.getLogger(name)`
 * has the surface of `loglevel`, which twilio-video.js exports as `Logger`; `loglevel` itself
 * ships only as UMD, and this library stays loadable as native ES modules, so this is a small
 * stand-in. The console is looked up at each call, so a page may wrap it later.
 */

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
type Method = Exclude<LogLevel, 'silent'>;

/** Checks a level name (or loglevel's number); throws a `RangeError` naming the levels otherwise. */
export function checkLogLevel(level: unknown): LogLevel {
  if (typeof level === 'number' && LOG_LEVELS[level]) return LOG_LEVELS[level];
  if (typeof level === 'string' && (LOG_LEVELS as readonly string[]).includes(level.toLowerCase())) return level.toLowerCase() as LogLevel;
  throw new RangeError(`the log level must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(level)}`);
}

export class NamedLogger {
  readonly name: string;
  private level: LogLevel | undefined;
  private defaultLevel: LogLevel = 'warn';

  constructor(name: string) {
    this.name = name;
  }

  /** loglevel's numbers: 0 (trace) to 5 (silent). */
  getLevel(): number {
    return LOG_LEVELS.indexOf(this.level ?? this.defaultLevel);
  }

  setLevel(level: LogLevel | number): void {
    this.level = checkLogLevel(level);
  }

  setDefaultLevel(level: LogLevel | number): void {
    this.defaultLevel = checkLogLevel(level);
  }

  resetLevel(): void {
    this.level = undefined;
  }

  trace(...args: unknown[]): void {
    this.say('trace', args);
  }

  debug(...args: unknown[]): void {
    this.say('debug', args);
  }

  info(...args: unknown[]): void {
    this.say('info', args);
  }

  warn(...args: unknown[]): void {
    this.say('warn', args);
  }

  error(...args: unknown[]): void {
    this.say('error', args);
  }

  private say(method: Method, args: unknown[]): void {
    if (LOG_LEVELS.indexOf(method) < this.getLevel()) return;
    (console[method] ?? console.log).apply(console, args);
  }
}

const loggers = new Map<string, NamedLogger>();

/** The library's own logger. */
export const logger = new NamedLogger('janus-room-elements');
loggers.set(logger.name, logger);
// Code written for twilio-video sets its level under that name.
loggers.set('twilio-video', logger);

/** `Logger.getLogger(name)` as in twilio-video.js (`janus-room-elements` is the library's own log). */
export const Logger = {
  levels: { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4, SILENT: 5 } as const,
  getLogger(name: string): NamedLogger {
    let named = loggers.get(name);
    if (!named) loggers.set(name, (named = new NamedLogger(name)));
    return named;
  },
  getLoggers(): Record<string, NamedLogger> {
    return Object.fromEntries(loggers);
  },
};

/**
 * Sets the library's log level (Twilio `setLogLevel` and `logLevel`, SignalWire `logLevel`): a
 * name, or Twilio's per-component levels, of which the library's one log takes `default`.
 * Throws a `RangeError` for anything else.
 */
export function setLogLevel(level: LogLevel | { default?: LogLevel }): void {
  logger.setLevel(checkLogLevel(typeof level === 'object' && level !== null ? (level.default ?? 'warn') : level));
}

export function getLogLevel(): LogLevel {
  return LOG_LEVELS[logger.getLevel()] ?? 'warn';
}
