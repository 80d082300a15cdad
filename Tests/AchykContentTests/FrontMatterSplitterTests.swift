@testable import AchykContent
import Testing

@Suite struct FrontMatterSplitterTests {
    @Test func splitsFrontMatterAndBodyWithTheBodysFirstLine() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\nsummary: B\n---\n\nBody\n").get()
        #expect(split.frontMatter == "title: A\nsummary: B")
        #expect(split.frontMatterLineOffset == 1)
        #expect(split.body == "\nBody\n")
        #expect(split.bodyLine == 5)
    }

    @Test func acceptsByteOrderMarkCRLFAndTrailingSpaces() throws {
        let split = try FrontMatterSplitter.split("\u{FEFF}--- \r\ntitle: A\r\n---\r\nBody\r\n").get()
        #expect(split.frontMatter == "title: A")
        #expect(split.body == "Body\n")
    }

    @Test func aFileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatterSplitter.split("# Title\n").get()
        #expect(split.frontMatter == nil)
        #expect(split.bodyLine == 1)
    }

    @Test func anUnclosedFrontMatterIsAProblem() {
        #expect(throws: FrontMatterSplitter.Problem.unclosed) { try FrontMatterSplitter.split("---\ntitle: A\nBody\n").get() }
    }

    @Test func aThematicBreakInTheBodyIsNotADelimiter() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\n---\nOne\n\n---\n\nTwo\n").get()
        #expect(split.frontMatter == "title: A")
        #expect(split.body.contains("---"))
    }
}
