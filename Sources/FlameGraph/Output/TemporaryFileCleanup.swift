#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes the temporary files this process has created and not yet renamed
/// when it is interrupted (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE,
/// SIGXFSZ), when it crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP,
/// SIGABRT), or when it calls `exit`.
///
/// The paths live in a fixed C buffer because a signal handler may only read
/// memory and call async-signal-safe functions: it unlinks each registered
/// path, puts back the action that was there before (the default one, for
/// the command), and raises the signal again, so the process still ends the
/// way the signal asks. Handlers are installed when the first file is
/// registered, and never for a signal that was ignored (`nohup`).
///
/// ```swift
/// let slot = TemporaryFileCleanup.register(".out.svg.1234.tmp")
/// // ... write the file, rename it ...
/// if let slot { TemporaryFileCleanup.unregister(slot) }
/// ```
public enum TemporaryFileCleanup {
  /// How many files can be registered at once; more are still removed by
  /// their owner, just not on a signal.
  public static let slotCount = 16
  /// Room for one path and its terminating zero.
  public static let slotSize = Int(PATH_MAX) + 1

  /// `slotCount` zero-terminated paths; an empty string is a free slot.
  /// Invariant: a slot's first byte is written last when it is filled and
  /// first when it is freed, so the handler never reads half a path.
  nonisolated(unsafe) private static let paths: UnsafeMutablePointer<CChar> = {
    let storage = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
    storage.initialize(repeating: 0, count: slotCount * slotSize)
    return storage
  }()

  /// The actions replaced by ours, indexed by signal number.
  nonisolated(unsafe) private static let previousActions: UnsafeMutablePointer<sigaction> = {
    let storage = UnsafeMutablePointer<sigaction>.allocate(capacity: signalLimit)
    storage.initialize(repeating: sigaction(), count: signalLimit)
    return storage
  }()

  /// Serialises registration between threads; the handler never takes it.
  nonisolated(unsafe) private static let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
    let storage = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    pthread_mutex_init(storage, nil)
    return storage
  }()

  nonisolated(unsafe) private static var installed = false

  private static let signalLimit = 65
  private static let interruptions: [Int32] = [
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ,
  ]
  private static let crashes: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

  /// Remembers `path` until ``unregister(_:)``; returns its slot, or nil
  /// when the path is too long or every slot is taken.
  public static func register(_ path: String) -> Int? {
    guard path.utf8.count < slotSize else { return nil }
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    installOnce()
    guard let slot = (0..<slotCount).first(where: { paths[$0 * slotSize] == 0 }) else {
      return nil
    }
    let start = paths + slot * slotSize
    var bytes = Array(path.utf8CString)
    let first = bytes[0]
    bytes[0] = 0
    bytes.withUnsafeBufferPointer { source in
      (start + 1).update(from: source.baseAddress! + 1, count: source.count - 1)
    }
    start.pointee = first
    return slot
  }

  /// Forgets a slot: its file was renamed or removed by its owner.
  public static func unregister(_ slot: Int) {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    paths[slot * slotSize] = 0
  }

  /// Unlinks every registered path. Async-signal-safe: reads the buffer and
  /// calls `unlink` only.
  public static func removeRegistered() {
    for slot in 0..<slotCount {
      let path = paths + slot * slotSize
      if path.pointee != 0 { unlink(path) }
    }
  }

  /// Installs the handlers and the `atexit` hook, once. Called with the
  /// mutex held.
  private static func installOnce() {
    guard !installed else { return }
    installed = true
    // Touch the buffers now, so the handler never runs their initialisers.
    _ = paths
    _ = previousActions
    atexit { TemporaryFileCleanup.removeRegistered() }
    var action = sigaction()
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_SIGINFO
    #if canImport(Glibc)
      action.__sigaction_handler.sa_sigaction = handleSignal
    #elseif canImport(Darwin)
      action.__sigaction_u.__sa_sigaction = handleSignal
    #endif
    for signal in interruptions + crashes {
      var previous = sigaction()
      guard sigaction(signal, nil, &previous) == 0 else { continue }
      // An ignored interruption (nohup's SIGHUP) stays ignored.
      if interruptions.contains(signal) && isIgnore(previous) { continue }
      previousActions[Int(signal)] = previous
      sigaction(signal, &action, nil)
    }
  }

  private static func isIgnore(_ action: sigaction) -> Bool {
    #if canImport(Glibc)
      let handler = unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
    #elseif canImport(Darwin)
      let handler = unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self)
    #endif
    return action.sa_flags & SA_SIGINFO == 0 && handler == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  /// The handler: removes the files, restores the previous action and lets
  /// it act. A fault raised by the processor (a crash) is not raised again:
  /// returning re-runs the faulting instruction, which then reaches the
  /// previous action with its real context (the Swift runtime's backtrace).
  ///
  /// A fault signal or SIGQUIT sent by another process (`kill -QUIT`) ends
  /// the process the default way instead: the previous action there is the
  /// runtime's backtracer, which returns after printing, and a run whose
  /// files are gone must not go on to fail on them.
  private static let handleSignal:
    @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
      number, info, _ in
      TemporaryFileCleanup.removeRegistered()
      sigaction(number, TemporaryFileCleanup.previousActions + Int(number), nil)
      // No array or allocation here: a switch on constants.
      let sentByProcess = info.map { $0.pointee.si_code <= 0 } ?? true
      switch number {
      case SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGQUIT:
        if sentByProcess {
          signal(number, SIG_DFL)
          raise(number)
        }
      default: raise(number)
      }
    }
}
