/// Reading back the stored form of a response's answers (schema v4, written by
/// `EncodedRows.answerByte`): one character per unsur of the method, `1`–`4`, `-` unanswered.
/// The one decoder for both stores and every read that needs the answers.
public enum AnswerText {
    /// `count` bytes of answer text into `answers` (its length is the method's unsur count);
    /// unsur past the end of the text, or not `1`–`4`, are unanswered.
    @inline(__always) static func decode(_ text: UnsafePointer<UInt8>?, count: Int, into answers: inout [Int?]) {
        for u in answers.indices {
            if let text, u < count, case let d = Int(text[u]) - 48, (1...4).contains(d) { answers[u] = d } else { answers[u] = nil }
        }
    }

    public static func decode(_ text: String, into answers: inout [Int?]) {
        var text = text
        text.withUTF8 { decode($0.baseAddress, count: $0.count, into: &answers) }
    }

    /// Every answer of the text, one per character.
    public static func answers(_ text: String) -> [Int?] {
        var answers = [Int?](repeating: nil, count: text.utf8.count)
        decode(text, into: &answers)
        return answers
    }

    /// The answer to unsur index `unsur` (0-based); nil when unanswered or past the end.
    public static func answer(_ text: String, at unsur: Int) -> Int? {
        var answers = [Int?](repeating: nil, count: unsur + 1)
        decode(text, into: &answers)
        return answers[unsur]
    }
}
