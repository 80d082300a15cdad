/// Bounds on Markdown that would make libcmark-gfm slow: its parsing is serial, so one file it takes half a minute
/// over stalls the whole build. Measured with 0.29.0.gfm.6: 40,000 nested `*a_` took 29 s, a table of 2,000
/// columns 3.6 s; at these limits a file takes well under a second. Real pages stay far below them: a case study
/// of the handbook has a few hundred emphasis marks and tables of a handful of columns.
public enum MarkdownLimits {
    /// `*` and `_` together in one text.
    public static let emphasisMarks = 10_000
    /// `|` on one line (a table's columns).
    public static let tableCells = 100

    /// The first limit the text passes, as a message with its line; nil when it is within them.
    public static func problem(in markdown: String) -> (line: Int, message: String)? {
        var marks = 0
        var line = 1
        var pipesOnLine = 0
        for byte in markdown.utf8 {
            switch byte {
            case 0x2A, 0x5F:
                marks += 1
                if marks > emphasisMarks {
                    return (line, "more than \(emphasisMarks) '*' and '_' in one text, which the Markdown parser would take minutes over; split the text or remove the marks")
                }
            case 0x7C:
                pipesOnLine += 1
                if pipesOnLine > tableCells {
                    return (line, "a line with more than \(tableCells) '|' (table cells), which the Markdown parser would take minutes over; split the table")
                }
            case 0x0A:
                line += 1
                pipesOnLine = 0
            default:
                continue
            }
        }
        return nil
    }
}
