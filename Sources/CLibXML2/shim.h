#ifndef CLUSTERLENS_CLIBXML2_SHIM_H
#define CLUSTERLENS_CLIBXML2_SHIM_H

/* xmlversion.h first, then drop ICU: Debian's libxml2 headers would otherwise pull in the
   system ICU, which clashes with Foundation's own _FoundationICU module (see STYLE.md). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/dict.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>

/* A structured-error callback whose signature does not change between libxml2 2.9 (xmlErrorPtr)
   and 2.12+ (const xmlError *). Swift code only ever sees this one. */
typedef void (*cl_structured_error_fn)(void *user_data, const xmlError *error);

static inline void cl_sax_set_structured_error(xmlSAXHandler *sax, cl_structured_error_fn fn) {
    sax->serror = (xmlStructuredErrorFunc)fn;
}

static inline void cl_schema_parser_set_structured_errors(xmlSchemaParserCtxtPtr ctxt, cl_structured_error_fn fn,
                                                          void *user_data) {
    xmlSchemaSetParserStructuredErrors(ctxt, (xmlStructuredErrorFunc)fn, user_data);
}

static inline void cl_schema_valid_set_structured_errors(xmlSchemaValidCtxtPtr ctxt, cl_structured_error_fn fn,
                                                         void *user_data) {
    xmlSchemaSetValidStructuredErrors(ctxt, (xmlStructuredErrorFunc)fn, user_data);
}

static inline void cl_ignore_structured_error(void *user_data, const xmlError *error) {
    (void)user_data;
    (void)error;
}

/* A generic-error function that prints nothing: libxml2 still writes some messages straight to its
   generic-error channel (e.g. "xmlParseChunk: encoder error"); C variadics cannot be written in Swift. */
static inline void cl_silent_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/* The calling thread's error handlers (libxml2 keeps them per thread). Errors raised without a parser
   context (an encoding conversion failure, an I/O error) reach the thread's structured handler, or
   else standard error. */
typedef struct {
    xmlStructuredErrorFunc structured;
    void *structured_context;
    xmlGenericErrorFunc generic;
    void *generic_context;
} cl_thread_error_handlers;

/* Sends the calling thread's context-less errors to fn(user_data, error), silences the generic channel,
   and returns the handlers to restore with cl_restore_thread_errors. */
static inline cl_thread_error_handlers cl_capture_thread_errors(void *user_data, cl_structured_error_fn fn) {
    cl_thread_error_handlers saved = {xmlStructuredError, xmlStructuredErrorContext, xmlGenericError,
                                      xmlGenericErrorContext};
    xmlSetStructuredErrorFunc(user_data, (xmlStructuredErrorFunc)fn);
    xmlSetGenericErrorFunc(NULL, cl_silent_generic_error);
    return saved;
}

static inline void cl_restore_thread_errors(cl_thread_error_handlers saved) {
    xmlSetStructuredErrorFunc(saved.structured_context, saved.structured);
    xmlSetGenericErrorFunc(saved.generic_context, saved.generic);
}

/* Copies text into message (capacity bytes, truncated, NUL-terminated). */
static inline void cl_copy_message(const char *text, char *message, int capacity) {
    int i = 0;
    for (; i < capacity - 1 && text[i] != 0; i++) message[i] = text[i];
    if (capacity > 0) message[i] = 0;
}

/* The first error libxml2 raised without a parser context (an encoding conversion failure). */
typedef struct {
    char *message;
    int capacity;
    int set;
} cl_first_error;

static inline void cl_record_first_error(void *user_data, const xmlError *error) {
    cl_first_error *first = (cl_first_error *)user_data;
    if (first == NULL || error == NULL || first->set) return;
    first->set = 1;
    cl_copy_message(error->message != NULL ? error->message : "encoding error", first->message, first->capacity);
}

/* Parses a whole document without network access, entity substitution or DTD loading, printing
   nothing (not even the errors libxml2 raises without a context); on failure the line and message
   of the error are copied out (message truncated to capacity - 1 bytes): an encoding error first,
   else the parser's last error. */
static inline xmlDocPtr cl_read_document(const char *path, int *line, char *message, int capacity) {
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL) return NULL;
    cl_first_error first = {message, capacity, 0};
    cl_thread_error_handlers saved = cl_capture_thread_errors(&first, cl_record_first_error);
    if (ctxt->sax != NULL) ctxt->sax->serror = (xmlStructuredErrorFunc)cl_ignore_structured_error;
    xmlDocPtr doc = xmlCtxtReadFile(ctxt, path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    if (doc == NULL) {
        const xmlError *error = xmlCtxtGetLastError(ctxt);
        *line = error != NULL ? error->line : 0;
        if (!first.set) {
            const char *text = (error != NULL && error->message != NULL) ? error->message : "cannot read the document";
            cl_copy_message(text, message, capacity);
        }
    }
    xmlFreeParserCtxt(ctxt);
    cl_restore_thread_errors(saved);
    return doc;
}

static inline int cl_document_has_doctype(xmlDocPtr doc) {
    return doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL);
}

/* xmlFree is a global function-pointer variable; Swift 6 rejects it as shared mutable state. */
static inline void cl_xml_free(void *pointer) {
    xmlFree(pointer);
}

static inline unsigned int cl_sax2_magic(void) {
    return XML_SAX2_MAGIC;
}

/* The dictionary the parser interns element, attribute and namespace names in. */
static inline xmlDictPtr cl_parser_dict(xmlParserCtxtPtr ctxt) {
    return ctxt->dict;
}

static inline int cl_parser_line(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->line : 0;
}

static inline int cl_parser_column(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->col : 0;
}

/* The bytes pushed into the parser that its encoding converter has not consumed yet; after a
   conversion error they start at the offending sequence. -1 when the input has no converter. */
static inline long cl_parser_unconverted_bytes(xmlParserCtxtPtr ctxt) {
    if (ctxt == NULL || ctxt->input == NULL || ctxt->input->buf == NULL || ctxt->input->buf->raw == NULL) return -1;
    return (long)xmlBufUse(ctxt->input->buf->raw);
}

static inline int cl_parser_well_formed(xmlParserCtxtPtr ctxt) {
    return ctxt->wellFormed;
}

#endif
