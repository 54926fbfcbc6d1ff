import ArgumentParser
import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensReports
import ClusterLensScoring
import ClusterLensSupport
import ClusterLensXML
import Foundation

/// Maps every error the libraries throw to an exit status and a one-line message, in one place.
///
/// | status | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | an error not listed below |
/// | 3 | a file cannot be read (no such file, a folder) or is empty; a CSV table that is not data |
/// | 4 | not well-formed XML (truncated, binary bytes, wrong encoding, too deep) or a refused DOCTYPE/entity |
/// | 5 | not an SDMX-ML message (HTML page, other XML, JSON) or a message that is not data; a file `validate` cannot check |
/// | 6 | the file is an SDMX error message, or holds only a footer (no data) |
/// | 7 | a value breaks SDMX rules (e.g. a malformed time period) |
/// | 8 | a structure file problem |
/// | 9 | the output cannot be written |
/// | 10 | an indicator, cluster, member-survey or report definition breaks its rules, or an unknown format |
/// | 11 | an exporter failed (the other formats were written) |
/// | 12 | a report file does not validate against its schema |
/// | 13 | a feed cannot be fetched (HTTP or network error, time-out, too large, cut off, a refused redirect, |
/// |    | not SDMX, SDMX error, a cached copy failing its check, the cache unwritable, not cached offline) |
/// | 14 | nothing could be computed: every value of the report is missing |
/// | 64 | bad command-line usage (`EX_USAGE`, from swift-argument-parser), a value out of range |
///
/// An error that merely wraps another (the store reporting a data file the importer refused) takes
/// the status of the error under it, so a file gives the same status from every command: `inspect`,
/// `convert`, `compute` and `report` (`Tests/ClusterLensCLITests/ExitStatusConsistencyTests.swift`).
/// `inspect` describes an SDMX error or footer-only message before it fails with 6. A cancelled feed
/// fetch is 1. "A CSV table that is not data": no value, time or dataflow column, or a record with
/// another number of fields than the header. "Not data": a structure message given as data, and a
/// CSV table given to `convert` (which reads SDMX-ML only).
enum ExitStatus {
    static func code(for error: any Error) -> Int32 {
        for cause in error.causes {
            if let status = status(of: cause) { return status }
        }
        return 1
    }

    /// The status of one error, `nil` when it only wraps the error under it.
    private static func status(of error: any Error) -> Int32? {
        let wraps = (error as? any ChainedError)?.underlying != nil
        switch error {
        case let error as FileError:
            return error.code == .unwritable ? 9 : 3
        case let error as XMLError:
            switch error.code {
            case .io, .empty: return 3
            case .malformed, .forbidden, .tooDeep: return 4
            }
        case let error as ImportError:
            switch error.code {
            case .unreadable, .empty: return wraps ? nil : 3
            case .malformedCSV: return 3
            case .malformedXML, .forbidden: return 4
            case .notSDMX, .unsupportedMessage: return 5
            case .sdmxErrorMessage: return 6
            case .invalidValue: return 7
            case .structure: return 8
            case .memberSurvey: return 10
            }
        case let error as IndicatorsError:
            switch error.code {
            case .unreadable, .data: return wraps ? nil : 3
            default: return 10
            }
        case is CompositeError:
            return 10
        case let error as FeedError:
            switch error.code {
            case .source: return 10
            case .cancelled: return 1
            default: return 13
            }
        case let error as ReportError:
            switch error.code {
            case .source, .unreadable: return wraps ? nil : 3
            case .output: return wraps ? nil : 9
            case .format, .scoring, .starter: return 10
            case .noData: return 14
            case .notReport: return 5
            case .exporter: return 11
            case .invalid: return 12
            }
        default:
            return nil
        }
    }

    /// Prints `clusterlens: error: message` on standard error.
    static func report(_ error: any Error) {
        printError("error: \(error)")
    }

    /// Prints a diagnostic on standard error: `clusterlens: warning: FILE:LINE: message [cluster …]`.
    static func report(_ diagnostic: Diagnostic) {
        printError(diagnostic.description)
    }

    /// Prints one line on standard error, prefixed with the tool name.
    static func printError(_ line: String) {
        // A closed or full standard error must not trap (FileHandle.write(_:) would).
        try? FileHandle.standardError.write(contentsOf: Data("clusterlens: \(SpooledInput.named(line))\n".utf8))
    }

    /// Reports `error` and exits with its status.
    static func fail(_ error: any Error) -> ExitCode {
        report(error)
        return ExitCode(code(for: error))
    }
}
