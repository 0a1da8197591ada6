/// A text value as its UTF-8 bytes: a `String`, or a field still in the file's read buffer.
///
/// An import's byte path (Sources/SKMImport/RawResponseRows.swift) encodes the common row
/// straight from the CSV buffer, without making a `String` per cell; the struct path encodes
/// `SurveyResponse`s. Both go through the one generic row layout in EncodedRows.swift, so the
/// column order and the fingerprint exist once.
public protocol RowText {
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R
}

extension String: RowText {
    @inline(__always) public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var s = self  // native strings hand over their storage; others are made native once
        return try s.withUTF8(body)
    }
}

extension UnsafeBufferPointer: RowText where Element == UInt8 {
    @inline(__always) public func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R { try body(self) }
}
