import Foundation

/// A value shared between threads, guarded by a pthread mutex (NSLock).
///
/// Not `Synchronization.Mutex`: under `swift test --sanitize=thread` on Linux, ThreadSanitizer reported correct
/// accesses made inside `Mutex.withLock` as races, because it does not see the futex-based lock take effect; it
/// intercepts pthread mutexes, so with this lock the sanitizer checks our code instead of flagging the lock.
///
/// `@unchecked Sendable`: the value is reached only inside `withLock`, under the mutex; it must itself be
/// `Sendable`, so that what leaves the lock (a copy, or the result of `body`) is safe to use on another thread.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
