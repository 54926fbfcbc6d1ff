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

/* Parses a whole document without network access, entity substitution or DTD loading, printing
   nothing; on failure the last error's line and message are copied out (message truncated to
   capacity - 1 bytes). */
static inline xmlDocPtr cl_read_document(const char *path, int *line, char *message, int capacity) {
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL) return NULL;
    if (ctxt->sax != NULL) ctxt->sax->serror = (xmlStructuredErrorFunc)cl_ignore_structured_error;
    xmlDocPtr doc = xmlCtxtReadFile(ctxt, path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
    if (doc == NULL) {
        const xmlError *error = xmlCtxtGetLastError(ctxt);
        *line = error != NULL ? error->line : 0;
        const char *text = (error != NULL && error->message != NULL) ? error->message : "cannot read the document";
        int i = 0;
        for (; i < capacity - 1 && text[i] != 0; i++) message[i] = text[i];
        if (capacity > 0) message[i] = 0;
    }
    xmlFreeParserCtxt(ctxt);
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

static inline int cl_parser_well_formed(xmlParserCtxtPtr ctxt) {
    return ctxt->wellFormed;
}

#endif
