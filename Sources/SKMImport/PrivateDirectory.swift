import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory only this user can enter, for files holding what a sheet holds (identity
/// numbers included): made by `mkdtemp` (mode 0700), files in it created 0600 and exclusively,
/// and removed with its contents by `remove()`, which the owner calls on every path out.
struct PrivateDirectory {
    let url: URL

    /// A new directory under `root` (the system's temporary directory, honouring `TMPDIR`).
    init(under root: URL = FileManager.default.temporaryDirectory, prefix: String) throws {
        var template = Array(root.appendingPathComponent("\(prefix)XXXXXX").path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) != nil }
        guard made else {
            throw TableFileError.cannotOpen(file: root.path, reason: "cannot create a temporary directory: \(String(cString: strerror(errno)))")
        }
        url = URL(fileURLWithPath: String(cString: template))
    }

    /// A new file in the directory, mode 0600, open for writing; fails if the name exists.
    func createFile(_ name: String) throws -> FileHandle {
        let path = url.appendingPathComponent(name).path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw TableFileError.cannotOpen(file: path, reason: "cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
