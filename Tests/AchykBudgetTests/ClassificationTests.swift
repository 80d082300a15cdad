@testable import AchykBudget
@testable import AchykContent
import AchykModel
import Foundation
import Testing

@Suite struct ClassificationTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data/budget-classification.csv")

    /// The labels compiled in are those of Data/budget-classification.csv, which keeps the sources.
    @Test func embeddedLabelsMatchTheDataFile() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.data))
        var tokenizer = CSVTokenizer(bytes: bytes, delimiter: 0x2C)
        let first = tokenizer.next()
        let header = try #require(first).fields
        #expect(Array(header.prefix(5)) == ["code", "level", "label_ky", "label_ru", "label_en"])
        var count = 0
        while let record = tokenizer.next(), record.fields.count >= 5 {
            count += 1
            let label = BudgetClassification.builtInLabel(record.fields[0])
            #expect(label?[.ky] == record.fields[2])
            #expect(label?[.ru] == record.fields[3])
            #expect(label?[.en] == record.fields[4])
        }
        #expect(count == EmbeddedClassification.labels.count)
    }

    @Test func labelsFallBackToTheCSVNameThenTheLongestKnownPrefix() {
        #expect(BudgetClassification.label("709", csvName: "Билим")[.ru] == "Образование")
        #expect(BudgetClassification.label("70921", csvName: "Мектеп №3")[.en] == "Мектеп №3")
        #expect(BudgetClassification.label("70921", csvName: nil)[.en] == "Secondary education")
        #expect(BudgetClassification.label("99", csvName: nil)[.ky] == "99")
    }

    @Test func codesFallIntoTheContractsCategories() {
        #expect(CodeCategory(code: "1111") == .ownRevenue)
        #expect(CodeCategory(code: "1331") == .transfers)
        #expect(CodeCategory(code: "2211") == .economicExpense)
        #expect(CodeCategory(code: "311") == .capital)
        #expect(CodeCategory(code: "7092") == .function("709"))
        #expect(CodeCategory(code: "710") == .function("710"))
        #expect(CodeCategory(code: "711") == .unknownFunction)
        #expect(CodeCategory(code: "70") == .unknownFunction)
        #expect(CodeCategory(code: "4") == .unknown)
    }
}
