import ArgumentParser
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensReports
import Foundation

/// Maps every error the libraries throw to an exit status and a one-line message, in one place.
///
/// | status | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | an error not listed below |
/// | 3 | a file cannot be read, or is empty |
/// | 4 | not well-formed XML (truncated, binary, wrong encoding, too deep) or a refused DOCTYPE/entity |
/// | 5 | not an SDMX-ML message (HTML page, other XML) or an unsupported message type |
/// | 6 | the file is an SDMX error message, or holds only a footer (no data) |
/// | 7 | a value breaks SDMX rules (e.g. a malformed time period) |
/// | 8 | a structure file problem |
/// | 9 | the output cannot be written |
/// | 10 | an indicator, cluster or report definition file breaks its rules, or an unknown format |
/// | 11 | an exporter failed (the other formats were written) |
/// | 12 | a report file does not validate against its schema |
/// | 13 | a feed cannot be fetched (HTTP or network error, not SDMX, SDMX error, not cached offline) |
/// | 64 | bad command-line usage (`EX_USAGE`, from swift-argument-parser) |
enum ExitStatus {
    static func code(for error: any Error) -> Int32 {
        switch error {
        case let error as ImportError:
            switch error.code {
            case .unreadable, .empty: return 3
            case .malformedXML, .forbidden: return 4
            case .notSDMX, .unsupportedMessage: return 5
            case .sdmxErrorMessage: return 6
            case .invalidValue: return 7
            case .structure: return 8
            }
        case is OutputError: return 9
        case let error as IndicatorsError: return error.code == .unreadable ? 3 : 10
        case let error as FeedError: return error.code == .source ? 10 : 13
        case let error as ReportError:
            switch error.code {
            case .source, .unreadable: return 3
            case .output: return 9
            case .format: return 10
            case .exporter: return 11
            case .invalid: return 12
            }
        default: return 1
        }
    }

    /// Prints `clusterlens: error: message` on standard error.
    static func report(_ error: any Error) {
        printError("error: \(error)")
    }

    /// Prints one line on standard error, prefixed with the tool name.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data("clusterlens: \(line)\n".utf8))
    }

    /// Reports `error` and exits with its status.
    static func fail(_ error: any Error) -> ExitCode {
        report(error)
        return ExitCode(code(for: error))
    }
}
