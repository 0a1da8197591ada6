import Foundation

/// The top-level fields of an `Encodable` value, each encoded on its own by a `JSONEncoder` as
/// the pretty-printed line(s) it would be inside the whole document: `  "key" : value`.
///
/// This lets `JSONReportWriter` write the report's object itself, field by field, and stream
/// the two long lists in between, without encoding the whole document first and searching the
/// text for where the lists go. The encoder still decides every byte of a field (key
/// conversion, escapes, number formats), so the file equals what `encode` gives.
struct TopLevelFields {
    /// One field: its key as written (after key conversion) and its lines, without the
    /// trailing comma or newline.
    struct Field {
        var key: String
        var text: Data
    }

    /// The fields in the encoder's key order (the report uses `.sortedKeys`).
    static func encode(_ value: some Encodable, with encoder: JSONEncoder) throws -> [Field] {
        let collector = Collector(encoder: encoder)
        try value.encode(to: collector)
        return collector.fields.sorted { $0.key < $1.key }
    }

    /// A value under one key, so that the encoder writes `{\n  "key" : value\n}`: the field as
    /// it stands at the top level of the document, key converted and nested lines indented.
    private struct Single<Value: Encodable>: Encodable {
        var key: AnyKey
        var value: Value
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(value, forKey: key)
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct Unsupported: Error, CustomStringConvertible {
        var what: String
        var description: String { "JSON report: \(what) at the top level is not supported" }
    }

    /// Collects the fields an `Encodable` value's `encode(to:)` hands its keyed container.
    private final class Collector: Encoder {
        let encoder: JSONEncoder
        var fields: [Field] = []
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(encoder: JSONEncoder) { self.encoder = encoder }

        func add(_ value: some Encodable, key: some CodingKey) throws {
            let data = try encoder.encode(Single(key: AnyKey(stringValue: key.stringValue), value: value))
            // "{\n" + "  \"key\" : value" + "\n}"
            let text = data.dropFirst(2).dropLast(2)
            guard text.starts(with: Data("  \"".utf8)), let end = text.dropFirst(3).firstIndex(of: UInt8(ascii: "\"")) else {
                throw Unsupported(what: "the encoding of '\(key.stringValue)'")
            }
            fields.append(Field(key: String(decoding: text[text.startIndex + 3 ..< end], as: UTF8.self), text: Data(text)))
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(collector: self))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer { preconditionFailure("a report is a keyed object") }
        func singleValueContainer() -> any SingleValueEncodingContainer { preconditionFailure("a report is a keyed object") }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let collector: Collector
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { try collector.add(Optional<Int>.none, key: key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try collector.add(value, key: key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try collector.add(value, key: key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            preconditionFailure("nested containers at the report's top level are not supported")
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            preconditionFailure("nested containers at the report's top level are not supported")
        }
        mutating func superEncoder() -> any Encoder { preconditionFailure("no superclass") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { preconditionFailure("no superclass") }
    }
}
