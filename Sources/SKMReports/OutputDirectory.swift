import Foundation

/// The directory reports are written to, checked before any report is read: a run that would
/// fail at its first file says so at once, naming the directory and the reason.
public enum OutputDirectory {
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public var path: String
        /// What could not be done, e.g. "cannot create output directory".
        public var what: String
        /// The system's reason, e.g. "Permission denied", "Read-only file system".
        public var reason: String
        public var description: String { "\(what) \(path): \(reason)" }
    }

    /// Creates `url` (and its parents) when missing, and checks that a file can be created in it.
    public static func prepare(_ url: URL) throws {
        let path = url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Problem(path: path, what: "output path is not a directory:", reason: "a file is in the way") }
        } else if mkdirs(path) != 0 {
            throw Problem(path: path, what: "output directory is missing and cannot be created:", reason: String(cString: strerror(errno)))
        }
        let probe = url.appendingPathComponent(".skm-write-check.\(getpid())").path
        let fd = open(probe, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw Problem(path: path, what: "output directory is not writable:", reason: String(cString: strerror(errno)))
        }
        close(fd)
        unlink(probe)
    }

    /// `mkdir -p`, keeping errno of the step that failed.
    private static func mkdirs(_ path: String) -> Int32 {
        if FileManager.default.fileExists(atPath: path) { return 0 }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, mkdirs(parent) != 0 { return -1 }
        return mkdir(path, 0o755) == 0 || errno == EEXIST ? 0 : -1
    }
}
