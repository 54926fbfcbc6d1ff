import ClusterLensCore
import ClusterLensSupport
import Foundation
import Testing

@testable import ClusterLensImport

/// Reads `xml` as a structure message named `name`.
private func readStructure(_ xml: String, name: String = "inline.xml") throws -> StructureMessage {
    try SDMXStructureReader().read(bytes: Array(xml.utf8), name: name)
}

/// A reference, shorter to write.
private func ref(_ agencyID: String, _ id: String, _ version: String, _ artefactClass: String) -> StructureReference {
    StructureReference(agencyID: agencyID, id: id, version: version, artefactClass: artefactClass)
}

/// The error `body` throws, as an ``ImportError``.
private func importError(_ body: () throws -> Void) -> ImportError? {
    do {
        try body()
        return nil
    } catch {
        return error as? ImportError
    }
}

// MARK: - Inline messages

private let v21Message = """
    <?xml version="1.0" encoding="UTF-8"?>
    <mes:Structure xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
        xmlns:str="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure"
        xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">
      <mes:Header>
        <mes:ID>LENS-21</mes:ID><mes:Test>true</mes:Test><mes:Prepared>2024-03-01T10:00:00</mes:Prepared>
        <mes:Sender id="LENS"/>
      </mes:Header>
      <mes:Structures>
        <str:Codelists>
          <str:Codelist id="CL_REGION" agencyID="LENS" version="2.1">
            <com:Name xml:lang="en">Regions</com:Name>
            <com:Name xml:lang="fr">Régions</com:Name>
            <com:Description xml:lang="en">Regions of the lens test</com:Description>
            <str:Code id="NORTH">
              <com:Name xml:lang="en">North</com:Name>
              <com:Name xml:lang="fr">Nord</com:Name>
            </str:Code>
            <str:Code id="NORTH_EAST">
              <com:Annotations>
                <com:Annotation><com:AnnotationText xml:lang="en">not kept</com:AnnotationText></com:Annotation>
              </com:Annotations>
              <com:Name xml:lang="en">
                North-East &amp; coast
              </com:Name>
              <com:Description xml:lang="en">The coastal part</com:Description>
              <str:Parent><Ref id="NORTH"/></str:Parent>
            </str:Code>
            <str:Code id="SOUTH"><com:Name xml:lang="en">South</com:Name></str:Code>
          </str:Codelist>
          <str:Codelist id="CL_FREQ" agencyID="LENS" version="1.0">
            <com:Name xml:lang="en">Frequency</com:Name>
            <str:Code id="A"><com:Name xml:lang="en">Annual</com:Name></str:Code>
            <str:Code id="M"><com:Name xml:lang="en">Monthly</com:Name></str:Code>
          </str:Codelist>
        </str:Codelists>
        <str:Concepts>
          <str:ConceptScheme id="CS_LENS" agencyID="LENS" version="1.0">
            <com:Name xml:lang="en">Lens concepts</com:Name>
            <str:Concept id="FREQ">
              <com:Name xml:lang="en">Frequency</com:Name>
              <str:CoreRepresentation>
                <str:Enumeration>
                  <Ref agencyID="LENS" id="CL_FREQ" version="1.0" package="codelist" class="Codelist"/>
                </str:Enumeration>
              </str:CoreRepresentation>
            </str:Concept>
            <str:Concept id="REGION"><com:Name xml:lang="en">Region</com:Name></str:Concept>
            <str:Concept id="TIME_PERIOD"><com:Name xml:lang="en">Time</com:Name></str:Concept>
            <str:Concept id="OBS_VALUE"/>
            <str:Concept id="UNIT"/>
            <str:Concept id="OBS_FLAG"/>
            <str:Concept id="TITLE"/>
            <str:Concept id="SOURCE"/>
          </str:ConceptScheme>
        </str:Concepts>
        <str:DataStructures>
          <str:DataStructure id="DSD_LENS" agencyID="LENS" version="1.2">
            <com:Name xml:lang="en">Lens structure</com:Name>
            <str:DataStructureComponents>
              <str:DimensionList id="DimensionDescriptor">
                <str:Dimension id="REGION" position="2">
                  <str:ConceptIdentity>
                    <Ref agencyID="LENS" maintainableParentID="CS_LENS" maintainableParentVersion="1.0" id="REGION"
                         class="Concept"/>
                  </str:ConceptIdentity>
                  <str:LocalRepresentation>
                    <str:Enumeration>
                      <Ref agencyID="LENS" id="CL_REGION" version="2.1" class="Codelist"/>
                    </str:Enumeration>
                  </str:LocalRepresentation>
                </str:Dimension>
                <str:Dimension position="1">
                  <str:ConceptIdentity>
                    <Ref agencyID="LENS" maintainableParentID="CS_LENS" maintainableParentVersion="1.0" id="FREQ"/>
                  </str:ConceptIdentity>
                  <str:LocalRepresentation>
                    <str:Enumeration><Ref agencyID="LENS" id="CL_FREQ" version="1.0"/></str:Enumeration>
                  </str:LocalRepresentation>
                </str:Dimension>
                <str:TimeDimension id="TIME_PERIOD" position="3">
                  <str:ConceptIdentity>
                    <Ref agencyID="LENS" maintainableParentID="CS_LENS" maintainableParentVersion="1.0"
                         id="TIME_PERIOD"/>
                  </str:ConceptIdentity>
                  <str:LocalRepresentation>
                    <str:TextFormat textType="ObservationalTimePeriod"/>
                  </str:LocalRepresentation>
                </str:TimeDimension>
              </str:DimensionList>
              <str:Group id="REGION_GROUP">
                <str:GroupDimension>
                  <str:DimensionReference>
                    <Ref id="REGION"/>
                  </str:DimensionReference>
                </str:GroupDimension>
              </str:Group>
              <str:AttributeList>
                <str:Attribute id="UNIT" assignmentStatus="Mandatory">
                  <str:AttributeRelationship><str:None/></str:AttributeRelationship>
                </str:Attribute>
                <str:Attribute id="TITLE" assignmentStatus="Conditional">
                  <str:AttributeRelationship><str:Group><Ref id="REGION_GROUP"/></str:Group></str:AttributeRelationship>
                </str:Attribute>
                <str:Attribute id="SOURCE" assignmentStatus="Conditional">
                  <str:AttributeRelationship>
                    <str:Dimension><Ref id="FREQ"/></str:Dimension>
                    <str:Dimension><Ref id="REGION"/></str:Dimension>
                    <str:AttachmentGroup><Ref id="REGION_GROUP"/></str:AttachmentGroup>
                  </str:AttributeRelationship>
                </str:Attribute>
                <str:Attribute assignmentStatus="Mandatory">
                  <str:ConceptIdentity>
                    <Ref agencyID="LENS" maintainableParentID="CS_LENS" maintainableParentVersion="1.0" id="OBS_FLAG"/>
                  </str:ConceptIdentity>
                  <str:AttributeRelationship>
                    <str:PrimaryMeasure>
                      <Ref id="OBS_VALUE"/>
                    </str:PrimaryMeasure>
                  </str:AttributeRelationship>
                </str:Attribute>
              </str:AttributeList>
              <str:MeasureList>
                <str:PrimaryMeasure id="OBS_VALUE">
                  <str:ConceptIdentity>
                    <Ref agencyID="LENS" maintainableParentID="CS_LENS" maintainableParentVersion="1.0" id="OBS_VALUE"/>
                  </str:ConceptIdentity>
                </str:PrimaryMeasure>
              </str:MeasureList>
            </str:DataStructureComponents>
          </str:DataStructure>
        </str:DataStructures>
        <str:Dataflows>
          <str:Dataflow id="DF_LENS" agencyID="LENS" version="1.0">
            <com:Name xml:lang="en">Lens flow</com:Name>
            <str:Structure><Ref agencyID="LENS" id="DSD_LENS" version="1.2" class="DataStructure"/></str:Structure>
          </str:Dataflow>
        </str:Dataflows>
        <str:CategorySchemes>
          <str:CategoryScheme id="CAT" agencyID="LENS" version="1.0"><str:Category id="X"/></str:CategoryScheme>
          <str:CategoryScheme id="CAT2" agencyID="LENS" version="1.0"/>
        </str:CategorySchemes>
      </mes:Structures>
    </mes:Structure>
    """

private let v30Message = """
    <message:Structure xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message"
        xmlns:structure="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/structure"
        xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/common">
      <message:Header>
        <message:ID>LENS-30</message:ID><message:Test>true</message:Test>
        <message:Prepared>2024-03-01T10:00:00Z</message:Prepared><message:Sender id="LENS"/>
      </message:Header>
      <message:Structures>
        <structure:Codelists>
          <structure:Codelist id="CL_SEX" agencyID="LENS" version="3.0.0">
            <common:Name xml:lang="en">Sex</common:Name>
            <structure:Code id="_T">
              <common:Name xml:lang="en">Total</common:Name>
              <common:Name xml:lang="de">Insgesamt</common:Name>
            </structure:Code>
            <structure:Code id="F">
              <common:Name xml:lang="en">Female</common:Name>
              <structure:Parent>_T</structure:Parent>
            </structure:Code>
            <structure:Code id="M">
              <common:Name xml:lang="en">Male</common:Name>
              <structure:Parent>urn:sdmx:org.sdmx.infomodel.codelist.Code=LENS:CL_SEX(3.0.0)._T</structure:Parent>
            </structure:Code>
          </structure:Codelist>
        </structure:Codelists>
        <structure:ConceptSchemes>
          <structure:ConceptScheme id="CS_POP" agencyID="LENS" version="1.0.0">
            <common:Name xml:lang="en">Population concepts</common:Name>
            <structure:Concept id="SEX">
              <common:Name xml:lang="en">Sex</common:Name>
              <structure:CoreRepresentation>
                <structure:Enumeration>
                  urn:sdmx:org.sdmx.infomodel.codelist.Codelist=LENS:CL_SEX(3.0.0)
                </structure:Enumeration>
              </structure:CoreRepresentation>
            </structure:Concept>
            <structure:Concept id="AREA"/>
            <structure:Concept id="TIME_PERIOD"/>
            <structure:Concept id="POP"/>
            <structure:Concept id="CONF"/>
            <structure:Concept id="NOTE"/>
          </structure:ConceptScheme>
        </structure:ConceptSchemes>
        <structure:DataStructures>
          <structure:DataStructure id="DSD_POP" agencyID="LENS" version="1.0.0">
            <common:Name xml:lang="en">Population structure</common:Name>
            <structure:DataStructureComponents>
              <structure:DimensionList id="DimensionDescriptor">
                <structure:Dimension id="AREA">
                  <structure:ConceptIdentity>
                    urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=LENS:CS_POP(1.0.0).AREA
                  </structure:ConceptIdentity>
                </structure:Dimension>
                <structure:Dimension id="SEX">
                  <structure:ConceptIdentity>
                    urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=LENS:CS_POP(1.0.0).SEX
                  </structure:ConceptIdentity>
                  <structure:LocalRepresentation>
                    <structure:Enumeration>
                      urn:sdmx:org.sdmx.infomodel.codelist.Codelist=LENS:CL_SEX(3.0.0)
                    </structure:Enumeration>
                  </structure:LocalRepresentation>
                </structure:Dimension>
                <structure:TimeDimension id="TIME_PERIOD">
                  <structure:ConceptIdentity>
                    urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=LENS:CS_POP(1.0.0).TIME_PERIOD
                  </structure:ConceptIdentity>
                </structure:TimeDimension>
              </structure:DimensionList>
              <structure:Group id="BY_AREA">
                <structure:GroupDimension>
                  <structure:DimensionReference>
                    AREA
                  </structure:DimensionReference>
                </structure:GroupDimension>
              </structure:Group>
              <structure:AttributeList>
                <structure:Attribute id="CONF" usage="mandatory">
                  <structure:ConceptIdentity>
                    urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=LENS:CS_POP(1.0.0).CONF
                  </structure:ConceptIdentity>
                  <structure:AttributeRelationship><structure:Observation/></structure:AttributeRelationship>
                </structure:Attribute>
                <structure:Attribute id="NOTE" usage="optional">
                  <structure:AttributeRelationship>
                    <structure:Dimension>AREA</structure:Dimension>
                    <structure:Dimension>SEX</structure:Dimension>
                  </structure:AttributeRelationship>
                </structure:Attribute>
                <structure:Attribute id="SOURCE">
                  <structure:AttributeRelationship><structure:Dataflow/></structure:AttributeRelationship>
                </structure:Attribute>
                <structure:MetadataAttributeUsage>
                  <structure:MetadataAttributeReference>CONTACT</structure:MetadataAttributeReference>
                </structure:MetadataAttributeUsage>
              </structure:AttributeList>
              <structure:MeasureList>
                <structure:Measure id="POP">
                  <structure:ConceptIdentity>
                    urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=LENS:CS_POP(1.0.0).POP
                  </structure:ConceptIdentity>
                </structure:Measure>
              </structure:MeasureList>
            </structure:DataStructureComponents>
          </structure:DataStructure>
        </structure:DataStructures>
        <structure:Dataflows>
          <structure:Dataflow id="DF_POP" agencyID="LENS" version="1.0.0">
            <common:Name xml:lang="en">Population</common:Name>
            <structure:Structure>
              urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=LENS:DSD_POP(1.0.0)
            </structure:Structure>
          </structure:Dataflow>
        </structure:Dataflows>
      </message:Structures>
    </message:Structure>
    """

private let v20Message = """
    <?xml version="1.0" encoding="UTF-8"?>
    <Structure xmlns="http://www.SDMX.org/resources/SDMXML/schemas/v2_0/message"
        xmlns:s="http://www.SDMX.org/resources/SDMXML/schemas/v2_0/structure">
      <Header><ID>LENS-20</ID><Test>false</Test><Prepared>2010-05-01</Prepared><Sender id="LENS"/></Header>
      <CodeLists>
        <s:CodeList id="CL_AREA" agencyID="LENS">
          <s:Name xml:lang="en">Areas</s:Name>
          <s:Code value="EU">
            <s:Description xml:lang="en">Europe</s:Description>
            <s:Description xml:lang="es">Europa</s:Description>
          </s:Code>
          <s:Code value="FR" parentCode="EU"><s:Description xml:lang="en">France</s:Description></s:Code>
          <s:Code value="US"><s:Description>United States</s:Description></s:Code>
        </s:CodeList>
        <s:CodeList id="CL_FREQ" agencyID="LENS" version="2.0">
          <s:Name xml:lang="en">Frequency</s:Name>
          <s:Code value="A"/>
          <s:Code value="Q"/>
        </s:CodeList>
      </CodeLists>
      <Concepts>
        <s:Concept id="FREQ" agencyID="LENS"><s:Name xml:lang="en">Frequency</s:Name></s:Concept>
        <s:Concept id="AREA" agencyID="LENS"/>
        <s:ConceptScheme id="CS_OTHER" agencyID="ORG" version="1.1">
          <s:Name xml:lang="en">Other concepts</s:Name>
          <s:Concept id="TIME"/>
          <s:Concept id="OBS_VALUE"/>
          <s:Concept id="UNIT"/>
          <s:Concept id="STATUS"/>
          <s:Concept id="TITLE"/>
        </s:ConceptScheme>
      </Concepts>
      <KeyFamilies>
        <s:KeyFamily id="KF_LENS" agencyID="LENS" version="1.0">
          <s:Name xml:lang="en">Lens key family</s:Name>
          <s:Components>
            <s:Dimension conceptRef="FREQ" codelist="CL_FREQ" codelistAgency="LENS" codelistVersion="2.0"
                isFrequencyDimension="true"/>
            <s:Dimension conceptRef="AREA" conceptAgency="LENS" codelist="CL_AREA"/>
            <s:TimeDimension conceptRef="TIME" conceptSchemeRef="CS_OTHER" conceptSchemeAgency="ORG"/>
            <s:Group id="AREA_GROUP"><s:DimensionRef>AREA</s:DimensionRef></s:Group>
            <s:PrimaryMeasure conceptRef="OBS_VALUE"><s:TextFormat textType="Double"/></s:PrimaryMeasure>
            <s:Attribute conceptRef="UNIT" attachmentLevel="DataSet" assignmentStatus="Mandatory"/>
            <s:Attribute conceptRef="TITLE" attachmentLevel="Group" assignmentStatus="Conditional">
              <s:AttachmentGroup>AREA_GROUP</s:AttachmentGroup>
            </s:Attribute>
            <s:Attribute conceptRef="COLL" attachmentLevel="Series" assignmentStatus="Conditional"/>
            <s:Attribute conceptRef="STATUS" attachmentLevel="Observation" assignmentStatus="Mandatory"
                codelist="CL_STATUS"/>
          </s:Components>
        </s:KeyFamily>
      </KeyFamilies>
      <Dataflows>
        <s:Dataflow id="DF_LENS" agencyID="LENS" version="1.0">
          <s:Name xml:lang="en">Lens flow</s:Name>
          <s:KeyFamilyRef>
            <s:KeyFamilyID>KF_LENS</s:KeyFamilyID>
            <s:KeyFamilyAgencyID>LENS</s:KeyFamilyAgencyID>
            <s:Version>1.0</s:Version>
          </s:KeyFamilyRef>
        </s:Dataflow>
      </Dataflows>
      <CategorySchemes><s:CategoryScheme id="TOPICS" agencyID="LENS"/></CategorySchemes>
    </Structure>
    """

@Suite("SDMXStructureReader")
struct SDMXStructureReaderTests {
    // MARK: 2.1

    @Test("A 2.1 message yields its codelists with ids, agencies, versions, codes and multilingual names")
    func v21Codelists() throws {
        let message = try readStructure(v21Message)
        #expect(message.version == .v2_1)
        let codelists = message.structures.codelists
        #expect(codelists.map(\.identity.id) == ["CL_REGION", "CL_FREQ"])
        let regions = try #require(codelists.first)
        #expect(regions.identity.agencyID == "LENS")
        #expect(regions.identity.version == "2.1")
        #expect(
            regions.identity.names == [
                LocalizedText(language: "en", text: "Regions"), LocalizedText(language: "fr", text: "Régions"),
            ])
        #expect(regions.identity.descriptions == [LocalizedText(language: "en", text: "Regions of the lens test")])
        #expect(regions.codes.map(\.id) == ["NORTH", "NORTH_EAST", "SOUTH"])
        #expect(
            regions.codes[0].names == [
                LocalizedText(language: "en", text: "North"), LocalizedText(language: "fr", text: "Nord"),
            ])
        // Whitespace around text is trimmed; entities are decoded.
        #expect(regions.codes[1].names == [LocalizedText(language: "en", text: "North-East & coast")])
        #expect(regions.codes[1].descriptions == [LocalizedText(language: "en", text: "The coastal part")])
        #expect(regions.codes[1].parentID == "NORTH")
        #expect(regions.codes[0].parentID == nil)
        #expect(regions.children(of: "NORTH").map(\.id) == ["NORTH_EAST"])
        #expect(codelists[1].codes.count == 2)
    }

    @Test("A 2.1 concept scheme yields its concepts and a concept's core representation")
    func v21Concepts() throws {
        let message = try readStructure(v21Message)
        let scheme = try #require(message.structures.conceptSchemes.first)
        #expect(message.structures.conceptSchemes.count == 1)
        #expect(scheme.identity.id == "CS_LENS")
        #expect(
            scheme.concepts.map(\.id) == [
                "FREQ", "REGION", "TIME_PERIOD", "OBS_VALUE", "UNIT", "OBS_FLAG", "TITLE", "SOURCE",
            ])
        #expect(scheme.concepts[0].names == [LocalizedText(language: "en", text: "Frequency")])
        #expect(scheme.concepts[0].codelist == ref("LENS", "CL_FREQ", "1.0", "Codelist"))
        #expect(scheme.concepts[1].codelist == nil)
    }

    @Test("A 2.1 data structure yields dimensions by position, time, groups, attributes and measures")
    func v21DataStructure() throws {
        let message = try readStructure(v21Message)
        let structure = try #require(message.structures.dataStructures.first)
        #expect(
            structure.identity
                == ArtefactIdentity(
                    agencyID: "LENS", id: "DSD_LENS", version: "1.2",
                    names: [LocalizedText(language: "en", text: "Lens structure")]))
        // The file lists REGION (position 2) before the id-less FREQ dimension (position 1).
        #expect(structure.dimensions.map(\.id) == ["FREQ", "REGION"])
        #expect(structure.dimensions.map(\.position) == [1, 2])
        #expect(structure.dimensionIDs == ["FREQ", "REGION", "TIME_PERIOD"])
        let region = structure.dimensions[1]
        #expect(region.concept == ref("LENS", "REGION", "1.0", "Concept"))
        #expect(region.codelist == ref("LENS", "CL_REGION", "2.1", "Codelist"))
        #expect(structure.dimensions[0].codelist?.id == "CL_FREQ")
        #expect(structure.dimensions[0].codelist?.artefactClass == "Codelist")
        let time = try #require(structure.timeDimension)
        #expect(time.id == "TIME_PERIOD")
        #expect(time.isTime)
        #expect(time.position == 3)
        #expect(time.codelist == nil)
        #expect(structure.groups == [GroupDescriptor(id: "REGION_GROUP", dimensionIDs: ["REGION"])])
        #expect(structure.attributes.map(\.id) == ["UNIT", "TITLE", "SOURCE", "OBS_FLAG"])
        #expect(
            structure.attributes.map(\.attachment) == [
                .dataset, .group("REGION_GROUP"), .dimensions(["FREQ", "REGION"]), .observation,
            ])
        #expect(structure.attributes.map(\.isMandatory) == [true, false, false, true])
        #expect(structure.attributes[3].concept?.id == "OBS_FLAG")
        #expect(
            structure.measures == [
                MeasureDescriptor(
                    id: "OBS_VALUE",
                    concept: ref("LENS", "OBS_VALUE", "1.0", "Concept"))
            ])
    }

    @Test("A 2.1 dataflow refers to its data structure, and unmodelled artefacts are counted")
    func v21DataflowAndSkipped() throws {
        let message = try readStructure(v21Message)
        let flow = try #require(message.structures.dataflows.first)
        #expect(flow.identity.id == "DF_LENS")
        #expect(flow.identity.names == [LocalizedText(language: "en", text: "Lens flow")])
        #expect(flow.structure == ref("LENS", "DSD_LENS", "1.2", "DataStructure"))
        #expect(message.structures.dataStructure(matching: "DF_LENS")?.identity.id == "DSD_LENS")
        // Two category schemes and one Annotations block; the header and TextFormat are not counted.
        #expect(message.skippedElements == 3)
    }

    // MARK: 3.0

    @Test("A 3.0 message yields codes whose parents are plain ids or item URNs")
    func v30Codelists() throws {
        let message = try readStructure(v30Message)
        #expect(message.version == .v3_0)
        let sex = try #require(message.structures.codelists.first)
        #expect(sex.identity.id == "CL_SEX")
        #expect(sex.identity.agencyID == "LENS")
        #expect(sex.identity.version == "3.0.0")
        #expect(sex.codes.map(\.id) == ["_T", "F", "M"])
        #expect(
            sex.codes[0].names == [
                LocalizedText(language: "en", text: "Total"), LocalizedText(language: "de", text: "Insgesamt"),
            ])
        #expect(sex.codes.map(\.parentID) == [nil, "_T", "_T"])
        let scheme = try #require(message.structures.conceptSchemes.first)
        #expect(scheme.concepts.map(\.id) == ["SEX", "AREA", "TIME_PERIOD", "POP", "CONF", "NOTE"])
        #expect(scheme.concepts[0].codelist == ref("LENS", "CL_SEX", "3.0.0", "Codelist"))
    }

    @Test("A 3.0 data structure reads URN references, document-order positions, usage and relationships")
    func v30DataStructure() throws {
        let message = try readStructure(v30Message)
        let structure = try #require(message.structures.dataStructures.first)
        #expect(structure.identity.id == "DSD_POP")
        #expect(structure.dimensions.map(\.id) == ["AREA", "SEX"])
        #expect(structure.dimensions.map(\.position) == [1, 2])
        #expect(structure.dimensions[0].concept == ref("LENS", "AREA", "1.0.0", "Concept"))
        #expect(structure.dimensions[1].codelist == ref("LENS", "CL_SEX", "3.0.0", "Codelist"))
        #expect(structure.timeDimension?.id == "TIME_PERIOD")
        #expect(structure.timeDimension?.position == 3)
        #expect(structure.groups == [GroupDescriptor(id: "BY_AREA", dimensionIDs: ["AREA"])])
        #expect(structure.attributes.map(\.id) == ["CONF", "NOTE", "SOURCE"])
        #expect(structure.attributes.map(\.attachment) == [.observation, .dimensions(["AREA", "SEX"]), .dataset])
        #expect(structure.attributes.map(\.isMandatory) == [true, false, false])
        #expect(structure.measures.map(\.id) == ["POP"])
        #expect(structure.measures.first?.concept?.id == "POP")
        let flow = try #require(message.structures.dataflows.first)
        #expect(flow.structure == ref("LENS", "DSD_POP", "1.0.0", "DataStructure"))
        // MetadataAttributeUsage is not modelled.
        #expect(message.skippedElements == 1)
    }

    @Test("The version comes from the namespace URI: a 3.1 message is 3.1")
    func v31Version() throws {
        let xml = v30Message.replacingOccurrences(of: "/v3_0/", with: "/v3_1/")
        let message = try readStructure(xml)
        #expect(message.version == .v3_1)
        #expect(message.structures.dataStructures.first?.dimensionIDs == ["AREA", "SEX", "TIME_PERIOD"])
    }

    // MARK: 2.0

    @Test("A 2.0 message yields code lists whose Description elements are the code names")
    func v20Codelists() throws {
        let message = try readStructure(v20Message)
        #expect(message.version == .v2_0)
        let codelists = message.structures.codelists
        #expect(codelists.map(\.identity.id) == ["CL_AREA", "CL_FREQ"])
        let area = codelists[0]
        #expect(area.identity.agencyID == "LENS")
        #expect(area.identity.version == "1.0")  // absent in the file: the 2.x default
        #expect(codelists[1].identity.version == "2.0")
        #expect(area.identity.names == [LocalizedText(language: "en", text: "Areas")])
        #expect(area.codes.map(\.id) == ["EU", "FR", "US"])
        #expect(
            area.codes[0].names == [
                LocalizedText(language: "en", text: "Europe"), LocalizedText(language: "es", text: "Europa"),
            ])
        #expect(area.codes[0].descriptions.isEmpty)
        #expect(area.codes[1].parentID == "EU")
        #expect(area.codes[2].names == [LocalizedText(language: "", text: "United States")])
        #expect(codelists[1].codes.count == 2)
    }

    @Test("2.0 concepts outside a scheme are gathered in a standalone scheme per agency")
    func v20Concepts() throws {
        let message = try readStructure(v20Message)
        let schemes = message.structures.conceptSchemes
        #expect(schemes.map(\.identity.id) == ["CS_OTHER", "STANDALONE_CONCEPT_SCHEME"])
        #expect(schemes[0].identity.agencyID == "ORG")
        #expect(schemes[0].identity.version == "1.1")
        #expect(schemes[0].concepts.map(\.id) == ["TIME", "OBS_VALUE", "UNIT", "STATUS", "TITLE"])
        #expect(schemes[1].identity.agencyID == "LENS")
        #expect(schemes[1].concepts.map(\.id) == ["FREQ", "AREA"])
        #expect(schemes[1].concepts[0].names == [LocalizedText(language: "en", text: "Frequency")])
    }

    @Test("A 2.0 key family yields dimensions in order, time, groups, attachment levels and the measure")
    func v20KeyFamily() throws {
        let message = try readStructure(v20Message)
        let structure = try #require(message.structures.dataStructures.first)
        #expect(structure.identity.id == "KF_LENS")
        #expect(structure.identity.agencyID == "LENS")
        #expect(structure.dimensions.map(\.id) == ["FREQ", "AREA"])
        #expect(structure.dimensions.map(\.position) == [1, 2])
        #expect(structure.dimensions[0].codelist == ref("LENS", "CL_FREQ", "2.0", "Codelist"))
        #expect(structure.dimensions[1].concept == ref("LENS", "AREA", "", "Concept"))
        #expect(structure.dimensions[1].codelist == ref("", "CL_AREA", "", "Codelist"))
        #expect(structure.timeDimension?.id == "TIME")
        #expect(structure.timeDimension?.concept?.agencyID == "ORG")
        #expect(structure.groups == [GroupDescriptor(id: "AREA_GROUP", dimensionIDs: ["AREA"])])
        #expect(structure.measures.map(\.id) == ["OBS_VALUE"])
        #expect(structure.attributes.map(\.id) == ["UNIT", "TITLE", "COLL", "STATUS"])
        #expect(
            structure.attributes.map(\.attachment) == [
                .dataset, .group("AREA_GROUP"), .dimensions(["FREQ", "AREA"]), .observation,
            ])
        #expect(structure.attributes.map(\.isMandatory) == [true, false, false, true])
        #expect(structure.attributes[3].codelist?.id == "CL_STATUS")
    }

    @Test("A 2.0 dataflow refers to its key family through KeyFamilyRef")
    func v20Dataflow() throws {
        let message = try readStructure(v20Message)
        let flow = try #require(message.structures.dataflows.first)
        #expect(flow.identity.id == "DF_LENS")
        #expect(flow.structure == ref("LENS", "KF_LENS", "1.0", "DataStructure"))
        #expect(message.skippedElements == 1)  // the category scheme
    }

    // MARK: Wrappers

    @Test("A structure message inside a SOAP envelope is read")
    func soapWrapper() throws {
        let inner = v21Message.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
        let xml = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
              <soap:Header><trace xmlns="urn:lens:test">1</trace></soap:Header>
              <soap:Body>
                <GetStructureResponse xmlns="urn:lens:service">
                  <GetStructureResult>
                    \(inner)
                  </GetStructureResult>
                </GetStructureResponse>
              </soap:Body>
            </soap:Envelope>
            """
        let message = try readStructure(xml)
        #expect(message.version == .v2_1)
        #expect(message.structures.codelists.count == 2)
        #expect(message.structures.dataStructures.first?.dimensionIDs == ["FREQ", "REGION", "TIME_PERIOD"])
    }

    @Test("A 2.0 RegistryInterface with a QueryStructureResponse is read")
    func registryInterface() throws {
        let xml = """
            <RegistryInterface xmlns="http://www.SDMX.org/resources/SDMXML/schemas/v2_0/message"
                xmlns:s="http://www.SDMX.org/resources/SDMXML/schemas/v2_0/structure"
                xmlns:r="http://www.SDMX.org/resources/SDMXML/schemas/v2_0/registry">
              <Header><ID>Q1</ID><Test>false</Test><Prepared>2011-01-01</Prepared><Sender id="LENS"/></Header>
              <QueryStructureResponse>
                <r:StatusMessage status="Success"/>
                <r:CodeLists>
                  <s:CodeList id="CL_UNIT" agencyID="LENS" version="1.0">
                    <s:Name xml:lang="en">Units</s:Name>
                    <s:Code value="EUR"><s:Description xml:lang="en">Euro</s:Description></s:Code>
                  </s:CodeList>
                </r:CodeLists>
              </QueryStructureResponse>
            </RegistryInterface>
            """
        let message = try readStructure(xml)
        #expect(message.version == .v2_0)
        #expect(message.structures.codelists.map(\.identity.id) == ["CL_UNIT"])
        #expect(message.structures.codelists.first?.codes.first?.names == [LocalizedText(language: "en", text: "Euro")])
        #expect(message.skippedElements == 0)
    }

    // MARK: Refusals

    @Test(
        "HTML and Atom documents are not SDMX",
        arguments: [
            "<html><head><title>Error</title></head><body><p>Service unavailable</p></body></html>",
            "<!DOCTYPE html>\n<html><body>Maintenance</body></html>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Releases</title></feed>",
        ])
    func notSDMX(document: String) {
        let error = importError { _ = try readStructure(document) }
        #expect(error?.code == .notSDMX)
    }

    @Test("A data message is refused with a message that names its type")
    func dataMessage() {
        let xml = """
            <mes:GenericData xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message">
              <mes:Header><mes:ID>D</mes:ID></mes:Header>
            </mes:GenericData>
            """
        let error = importError { _ = try readStructure(xml) }
        #expect(error?.code == .structure)
        #expect(error?.message == "the document is a data message (GenericData), not a structure message")
        #expect(error?.line == 1)
    }

    @Test("A SOAP-wrapped 2.0 CompactData message is refused as a data message")
    func wrappedDataMessage() {
        let xml = """
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
              <R xmlns="urn:lens:service">
                <CompactData xmlns="http://www.SDMX.org/resources/SDMXML/schemas/v2_0/message"/>
              </R>
            </soap:Body></soap:Envelope>
            """
        let error = importError { _ = try readStructure(xml) }
        #expect(error?.code == .structure)
        #expect(error?.message.contains("CompactData") == true)
    }

    @Test("An SDMX error message is reported with the provider's code and text")
    func errorMessage() {
        let xml = """
            <mes:Error xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
                xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">
              <mes:ErrorMessage code="100"><com:Text xml:lang="en">No results found</com:Text></mes:ErrorMessage>
            </mes:Error>
            """
        let error = importError { _ = try readStructure(xml) }
        #expect(error?.code == .sdmxErrorMessage)
        #expect(error?.message == "the provider returned an SDMX error message (code 100): No results found")
    }

    @Test(
        "Queries and SDMX-ML 1.0 structure messages are unsupported messages",
        arguments: [
            "<q:CodelistQuery xmlns:q=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message\"/>",
            "<Structure xmlns=\"http://www.SDMX.org/resources/SDMXML/schemas/v1_0/message\"/>",
        ])
    func unsupported(document: String) {
        let error = importError { _ = try readStructure(document) }
        #expect(error?.code == .unsupportedMessage)
    }

    @Test("Truncated XML is malformed, a missing file unreadable")
    func brokenInput() {
        let truncated = String(v21Message.prefix(900))
        #expect(importError { _ = try readStructure(truncated) }?.code == .malformedXML)
        let missing = importError { _ = try SDMXStructureReader().read(file: "/nonexistent/lens-structure.xml") }
        #expect(missing?.code == .unreadable)
        #expect(missing?.file == "/nonexistent/lens-structure.xml")
    }
}

// MARK: - Fixtures

/// The hand-written fixtures next to this file.
private let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// Whether the fixtures and their `EXPECTED.tsv` are present.
private let fixturesExist = FileManager.default.fileExists(
    atPath: fixturesFolder.appendingPathComponent("EXPECTED.tsv").path)

/// One row of `Fixtures/EXPECTED.tsv`.
struct StructureFixtureRow: Sendable, CustomTestStringConvertible {
    /// The path under `Fixtures/`, e.g. `structure/v21-structure.xml`.
    var file: String
    /// The SDMX-ML version, empty for files that are not SDMX.
    var version: String
    /// The message root, `bad` for the files under `bad/`.
    var message: String
    /// The free-text notes, which hold the structure counts as `codelists=5 codes=33 …`.
    var notes: String

    var testDescription: String { file }

    /// The `key=number` counts of the notes, for the keys the structure reader checks.
    var counts: [String: Int] {
        let keys: Set<String> = [
            "codelists", "codes", "conceptschemes", "concepts", "dsds", "dsd_dimensions", "groups", "attributes",
            "measures", "dataflows",
        ]
        var result: [String: Int] = [:]
        for token in notes.split(whereSeparator: { " ,;()".contains($0) }) {
            let parts = token.split(separator: "=")
            guard parts.count == 2, keys.contains(String(parts[0])), let count = Int(parts[1]) else { continue }
            result[String(parts[0])] = count
        }
        return result
    }
}

/// The rows of `Fixtures/EXPECTED.tsv` whose file starts with `prefix`.
private func fixtureRows(under prefix: String) -> [StructureFixtureRow] {
    let path = fixturesFolder.appendingPathComponent("EXPECTED.tsv").path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    guard let header = lines.first, let file = header.firstIndex(of: "file"),
        let version = header.firstIndex(of: "version"), let message = header.firstIndex(of: "message"),
        let notes = header.firstIndex(of: "notes")
    else { return [] }
    return lines.dropFirst().compactMap { fields in
        guard fields.count > max(file, version, message, notes), fields[file].hasPrefix(prefix) else { return nil }
        return StructureFixtureRow(
            file: String(fields[file]), version: String(fields[version]), message: String(fields[message]),
            notes: String(fields[notes]))
    }
}

/// Reads a fixture.
private func readFixture(_ file: String) throws -> StructureMessage {
    try SDMXStructureReader().read(file: fixturesFolder.appendingPathComponent(file).path)
}

@Suite("SDMXStructureReader on the fixtures")
struct SDMXStructureReaderFixtureTests {
    @Test(
        "Each structure fixture yields the counts EXPECTED.tsv gives",
        .enabled(if: fixturesExist, "Fixtures/EXPECTED.tsv is not present"),
        arguments: fixtureRows(under: "structure/"))
    func structureFixture(row: StructureFixtureRow) throws {
        let message = try readFixture(row.file)
        #expect(message.version.rawValue == row.version)
        let structures = message.structures
        let structure = structures.dataStructures.first
        let actual: [String: Int?] = [
            "codelists": structures.codelists.count,
            "codes": structures.codelists.reduce(0) { $0 + $1.codes.count },
            "conceptschemes": structures.conceptSchemes.count,
            "concepts": structures.conceptSchemes.reduce(0) { $0 + $1.concepts.count },
            "dsds": structures.dataStructures.count,
            "dsd_dimensions": structure?.dimensions.count,
            "groups": structure?.groups.count,
            "attributes": structure?.attributes.count,
            "measures": structure?.measures.count,
            "dataflows": structures.dataflows.count,
        ]
        let expected = row.counts
        #expect(!expected.isEmpty, "no counts in the notes of \(row.file)")
        for (key, count) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(actual[key] == count, "\(key)")
        }
    }

    @Test(
        "The 2.1 fixture's DSD has positions, a time dimension, group and attachments as documented",
        .enabled(if: fixturesExist, "Fixtures/EXPECTED.tsv is not present"))
    func v21Fixture() throws {
        let message = try readFixture("structure/v21-structure.xml")
        let structure = try #require(message.structures.dataStructures.first)
        #expect(structure.identity.agencyID == "CLX")
        #expect(structure.dimensionIDs == ["FREQ", "NACE_R2", "GEO", "UNIT", "TIME_PERIOD"])
        #expect(structure.timeDimension?.position == 5)
        #expect(structure.groups == [GroupDescriptor(id: "SiblingGroup", dimensionIDs: ["NACE_R2", "GEO", "UNIT"])])
        let series = AttributeAttachment.dimensions(["FREQ", "NACE_R2", "GEO", "UNIT"])
        #expect(
            structure.attributes.map(\.attachment) == [
                .dataset, .dataset, .group("SiblingGroup"), series, series, .observation, .observation,
            ])
        #expect(message.structures.codelists.reduce(0) { $0 + $1.codes.filter { $0.parentID != nil }.count } == 12)
        #expect(message.structures.dataflows.first?.structure == ref("CLX", "DSD_REG_EMP", "1.0", "DataStructure"))
    }

    @Test(
        "The 2.0 and 3.0 fixtures keep their code hierarchies and attachment levels",
        .enabled(if: fixturesExist, "Fixtures/EXPECTED.tsv is not present"))
    func v20AndV30Fixtures() throws {
        let v20 = try readFixture("structure/v20-structure.xml")
        #expect(v20.structures.codelists.reduce(0) { $0 + $1.codes.filter { $0.parentID != nil }.count } == 10)
        let keyFamily = try #require(v20.structures.dataStructures.first)
        #expect(keyFamily.dimensionIDs == ["FREQ", "NACE_R2", "GEO", "UNIT", "TIME_PERIOD"])
        #expect(keyFamily.groups.first?.dimensionIDs == ["NACE_R2", "GEO", "UNIT"])
        let seriesKey = AttributeAttachment.dimensions(["FREQ", "NACE_R2", "GEO", "UNIT"])
        let levels = Dictionary(uniqueKeysWithValues: keyFamily.attributes.map { ($0.id, $0.attachment) })
        #expect(levels["DECIMALS"] == .dataset)
        #expect(levels["DATA_SOURCE"] == .dataset)
        #expect(levels["TITLE"] == .group("SiblingGroup"))
        #expect(levels["UNIT_MULT"] == seriesKey)
        #expect(levels["COMMENT_TS"] == seriesKey)
        #expect(levels["OBS_STATUS"] == .observation)

        let v30 = try readFixture("structure/v30-structure.xml")
        #expect(v30.structures.codelists.reduce(0) { $0 + $1.codes.filter { $0.parentID != nil }.count } == 4)
        let dsd = try #require(v30.structures.dataStructures.first)
        #expect(dsd.identity.version == "3.0.0")
        #expect(dsd.measures.map(\.id) == ["OBS_VALUE"])
        let attachments = Dictionary(uniqueKeysWithValues: dsd.attributes.map { ($0.id, $0.attachment) })
        #expect(attachments["DECIMALS"] == .dataset)
        #expect(attachments["TITLE"]?.isGroup == true)
        #expect(attachments["OBS_STATUS"] == .observation)
        #expect(attachments["CONF_STATUS"] == .observation)
        // The value list, the hierarchy and the annotation are skipped, not fatal.
        #expect(v30.skippedElements >= 2)
    }

    @Test(
        "The 2.0 RegistryInterface fixture is read through its wrapper",
        .enabled(if: fixturesExist, "Fixtures/EXPECTED.tsv is not present"))
    func registryInterfaceFixture() throws {
        let message = try readFixture("structure/v20-registry-interface.xml")
        #expect(message.version == .v2_0)
        let unit = try #require(message.structures.codelists.first)
        #expect(unit.identity.id == "CL_UNIT")
        #expect(unit.code("THS_PER")?.parentID == "PER")
        #expect(unit.code("THS_PER")?.names.map(\.language) == ["en", "de"])
    }

    @Test(
        "Every data fixture is refused as a data message, the error fixture as an SDMX error",
        .enabled(if: fixturesExist, "Fixtures/EXPECTED.tsv is not present"),
        arguments: fixtureRows(under: "data/"))
    func dataFixture(row: StructureFixtureRow) {
        let error = importError { _ = try readFixture(row.file) }
        if row.message == "Error" {
            #expect(error?.code == .sdmxErrorMessage)
            #expect(error?.message.contains("No results found") == true)
        } else {
            #expect(error?.code == .structure)
            #expect(error?.message.contains("data message (\(row.message))") == true)
        }
    }

    @Test(
        "Broken, unsafe and foreign files are refused with the right code",
        .enabled(if: fixturesExist, "Fixtures/EXPECTED.tsv is not present"),
        arguments: [
            ("bad/html-page.html", [ImportError.Code.notSDMX]),
            ("bad/not-sdmx.xml", [.notSDMX]),
            ("bad/empty.xml", [.empty]),
            ("bad/binary.bin", [.empty, .malformedXML]),
            // A data message whose first invalid byte comes after its root: refused as data first.
            ("bad/wrong-encoding.xml", [.malformedXML, .structure]),
            ("bad/billion-laughs.xml", [.forbidden]),
            ("bad/external-entity.xml", [.forbidden]),
            // A truncated data message: refused as data at its root, before the cut.
            ("bad/truncated.xml", [.structure, .malformedXML]),
        ])
    func badFixture(file: String, codes: [ImportError.Code]) {
        let error = importError { _ = try readFixture(file) }
        #expect(error.map { codes.contains($0.code) } == true, "\(String(describing: error))")
    }
}

extension AttributeAttachment {
    /// Whether this is a group attachment.
    fileprivate var isGroup: Bool {
        if case .group = self { return true }
        return false
    }
}

// MARK: - Corpus

/// The package root, three levels above this file (`Tests/ClusterLensImportTests/…`).
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shared SDMX-ML corpus, `../shared/corpus/sdmx` from the package root; absent on machines without it.
private let corpusFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/sdmx")

/// Whether the corpus is present: the corpus tests are skipped (and listed as skipped) without it.
private let corpusExists = FileManager.default.fileExists(
    atPath: corpusFolder.appendingPathComponent("MANIFEST.tsv").path)

/// One `kind == structure` row of the corpus manifest.
struct StructureReaderCorpusRow: Sendable, CustomTestStringConvertible {
    /// The path under the corpus folder.
    var file: String
    /// What sdmx1 read, e.g. `CL=11 CS=1 DSD=1 DF=1 codes=1824`, `0 artefacts` or `FAIL …`.
    var sdmx1: String

    var testDescription: String { file }
}

/// The structure rows of the corpus manifest, empty when the corpus is absent.
private func structureCorpusRows() -> [StructureReaderCorpusRow] {
    let manifest = corpusFolder.appendingPathComponent("MANIFEST.tsv").path
    guard let text = try? String(contentsOfFile: manifest, encoding: .utf8) else { return [] }
    let lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    guard let header = lines.first,
        let fileColumn = header.firstIndex(of: "file"), let kindColumn = header.firstIndex(of: "kind"),
        let sdmx1Column = header.firstIndex(of: "sdmx1")
    else { return [] }
    return lines.dropFirst().compactMap { fields in
        guard fields.count > max(fileColumn, kindColumn, sdmx1Column), fields[kindColumn] == "structure" else {
            return nil
        }
        return StructureReaderCorpusRow(file: String(fields[fileColumn]), sdmx1: String(fields[sdmx1Column]))
    }
}

/// The artefact counts compared with sdmx1's.
struct StructureReaderCounts: Equatable, CustomStringConvertible {
    var codelists = 0
    var dataStructures = 0
    var dataflows = 0
    var codes = 0

    init(codelists: Int, dataStructures: Int, dataflows: Int, codes: Int) {
        self.codelists = codelists
        self.dataStructures = dataStructures
        self.dataflows = dataflows
        self.codes = codes
    }

    init(_ message: StructureMessage) {
        codelists = message.structures.codelists.count
        dataStructures = message.structures.dataStructures.count
        dataflows = message.structures.dataflows.count
        codes = message.structures.codelists.reduce(0) { $0 + $1.codes.count }
    }

    /// Parses sdmx1's summary (`CL=11 CS=1 DSD=1 DF=1 codes=1824`, `0 artefacts`); `nil` when sdmx1 failed.
    init?(sdmx1 summary: String) {
        guard !summary.hasPrefix("FAIL") else { return nil }
        for token in summary.split(separator: " ") {
            let parts = token.split(separator: "=")
            guard parts.count == 2, let count = Int(parts[1]) else { continue }
            switch parts[0] {
            case "CL": codelists = count
            case "DSD": dataStructures = count
            case "DF": dataflows = count
            case "codes": codes = count
            default: break
            }
        }
    }

    var description: String { "CL=\(codelists) DSD=\(dataStructures) DF=\(dataflows) codes=\(codes)" }
}

/// Why sdmx1's counts are wrong for a file: the counts below are what the file defines.
private enum Sdmx1Error: String {
    /// sdmx1 2.28 creates an "external reference" stub for every maintainable artefact a file
    /// refers to without defining it (a dataflow's DSD, a DSD's codelists, a constraint's dataflow,
    /// the codelists of a hierarchical codelist or structure set) and returns the stubs with the
    /// artefacts the file defines. Checked per file: sdmx1's count equals the defined artefacts
    /// plus the distinct referenced-but-absent (agency, id, version) triples.
    case countsReferencedStubs =
        "sdmx1 counts stubs for artefacts the file only refers to; the file defines fewer"
    /// The 2.1 VTL samples give their measure dimensions concept-scheme enumerations through a
    /// `Ref` without `class`; sdmx1 takes them for codelists. The VTL mappings also refer to
    /// dataflows the file does not define (stubs, as above).
    case conceptSchemesTakenForCodelists =
        "sdmx1 counts the measure dimensions' concept schemes as codelists, and dataflow stubs"
    /// A partial codelist whose codes name a parent (`GR`) the message does not include: sdmx1
    /// invents a second codelist holding that parent code.
    case inventedParentCodelist = "sdmx1 invents a codelist holding the missing parent code GR"
    /// Both dataflows refer to `LABOUR(1.0.0)` while the file defines `LABOUR(1.0)`: sdmx1 adds a
    /// stub for the version that does not resolve.
    case unresolvedVersion = "the dataflows refer to DSD LABOUR(1.0.0), the file defines LABOUR(1.0): sdmx1 adds a stub"
}

/// Files for which sdmx1's counts are wrong, with the counts the reader must find (verified
/// against an independent ElementTree count of `Codelist`/`DataStructure`/`Dataflow` elements
/// under their lists, and of `Code` elements under codelists).
private let sdmx1Exceptions: [String: (expected: StructureReaderCounts, why: Sdmx1Error)] = {
    func counts(_ codelists: Int, _ dataStructures: Int, _ dataflows: Int, _ codes: Int) -> StructureReaderCounts {
        StructureReaderCounts(codelists: codelists, dataStructures: dataStructures, dataflows: dataflows, codes: codes)
    }
    let stubs = Sdmx1Error.countsReferencedStubs
    return [
        // Dataflow lists: one DSD stub per dataflow.
        "rsdmx/inst/extdata/SDMXDataFlows_Example_2.1.xml": (counts(0, 0, 5, 0), stubs),
        "sdmx-dl/sdmx-dl-format-xml/src/test/resources/internal/sdmxdl/format/xml/FlowWithDescription.xml":
            (counts(0, 0, 2, 0), stubs),
        "sdmx-dl/sdmx-dl-format-xml/src/test/resources/tests/sdmxdl/format/xml/ecb/EcbDataflows.xml":
            (counts(0, 0, 3, 0), stubs),
        "sdmx1-specimens/IMF/01R.xml": (counts(0, 0, 1, 0), stubs),
        "sdmx1-specimens/INSEE/dataflow.xml": (counts(0, 0, 663, 0), stubs),
        "sdmx1-specimens/v3/xml/dataflow.xml": (counts(0, 0, 1, 0), stubs),
        "sdmx1-specimens/v21/xml/query/response_esms_children.xml": (counts(1, 0, 1, 0), stubs),
        // DSDs sent without (all or some of) their codelists.
        "rsdmx/inst/extdata/SDMXDataStructures_Example_2.1.xml": (counts(0, 1, 0, 0), stubs),
        "sdmx1-specimens/ECB_EXR/1/structure.xml": (counts(0, 1, 0, 0), stubs),
        "sdmx1-specimens/ESTAT/GOV_10Q_GGNFA.xml": (counts(4, 1, 1, 76), stubs),
        "sdmx1-specimens/IMF/ECOFIN_DSD-structure.xml": (counts(12, 1, 1, 12), stubs),
        "sdmx1-specimens/IMF_RES/WEO-structure.xml": (counts(6, 1, 1, 124), stubs),
        "sdmx1-specimens/IMF_STA/DSD_BOP.xml": (counts(0, 1, 1, 0), stubs),
        "sdmx1-specimens/IMF_STA/DSD_GFS.xml": (counts(1, 1, 0, 1), stubs),
        "sdmx1-specimens/INSEE/CNA-2010-CONSO-SI-A17-structure.xml": (counts(4, 1, 1, 1591), stubs),
        "sdmx1-specimens/INSEE/IPI-2010-A21-structure.xml": (counts(3, 1, 1, 62), stubs),
        "sdmx1-specimens/INSEE/gh-205.xml": (counts(0, 1, 1, 0), stubs),
        "sdmx1-specimens/ISTAT/22_289-structure.xml": (counts(0, 1, 0, 0), stubs),
        "sdmx1-specimens/TEST/gh-149.xml": (counts(0, 1, 1, 0), stubs),
        "sdmx1-specimens/v3/xml/ECB_EXR1.xml": (counts(0, 1, 0, 0), stubs),
        "sdmx1-specimens/v3/xml/ECB_EXR_CA_DSD.xml": (counts(0, 1, 0, 0), stubs),
        "sdmx1-specimens/v3/xml/geospatial_geocomponents.xml": (counts(0, 1, 0, 0), stubs),
        "sdmx1-specimens/v3/xml/VTL_Sample_2.xml": (counts(1, 2, 2, 10), stubs),
        "sdmx1-specimens/v3/xml/VTL_Sample_3.xml": (counts(2, 2, 2, 8), stubs),
        // Constraints refer to a dataflow or DSD they do not define.
        "sdmx1-specimens/BIS/actualconstraint-0.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/ISTAT/actualconstraint-0.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/OECD/actualconstraint-0.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/SPC/actualconstraint-0.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/IMF_STA/availableconstraint_CPI.xml": (counts(0, 0, 0, 0), stubs),
        // Hierarchical codelists and structure sets refer to codelists (and codes) they do not define.
        "sdmx1-specimens/BIS/hierarchicalcodelist-0.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/IMF/hierarchicalcodelist-0.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/IMF/hierarchicalcodelist-1.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/SGR/hierarchicalcodelist-0.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/ESTAT/HCL_WSTATUS_SCL_BNSPART.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/ESTAT/HCL_WSTATUS_SCL_WSTATUSPR.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/SDMX/HCL_TEST_AREA.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/ECB/structureset-0.xml": (counts(0, 0, 0, 0), stubs),
        "sdmx1-specimens/IMF/structureset-0.xml": (counts(0, 0, 0, 0), stubs),
        // Other sdmx1 errors.
        "sdmx1-specimens/v21/xml/VTL/VTL_Sample_1.xml": (counts(2, 2, 2, 10), .conceptSchemesTakenForCodelists),
        "sdmx1-specimens/v21/xml/VTL/VTL_Sample_2.xml": (counts(1, 2, 2, 10), .conceptSchemesTakenForCodelists),
        "sdmx1-specimens/v21/xml/query/response_cl_regions.xml": (counts(1, 0, 0, 13), .inventedParentCodelist),
        "sdmx1-specimens/v3/xml/codelist - discriminated union.xml": (counts(1, 1, 2, 0), .unresolvedVersion),
    ]
}()

/// Files sdmx1 cannot read (all SDMX-ML 2.0: "Cannot determine SDMX-ML version"), with the counts
/// the reader must find, from the same independent count.
private let sdmx1Failures: [String: StructureReaderCounts] = [
    "rsdmx/inst/extdata/SDMXCodelists_Example_2.0.xml":
        StructureReaderCounts(codelists: 1, dataStructures: 0, dataflows: 0, codes: 6),
    "rsdmx/inst/extdata/SDMXConceptSchemes_Example_2.0.xml":
        StructureReaderCounts(codelists: 0, dataStructures: 0, dataflows: 0, codes: 0),
    "rsdmx/inst/extdata/SDMXConcepts_Example_2.0.xml":
        StructureReaderCounts(codelists: 0, dataStructures: 0, dataflows: 0, codes: 0),
    "rsdmx/inst/extdata/SDMXDataStructureDefinition_Example_2.0.xml":
        StructureReaderCounts(codelists: 14, dataStructures: 2, dataflows: 0, codes: 4066),
    "rsdmx/inst/extdata/SDMXDataStructures_Example_2.0.xml":
        StructureReaderCounts(codelists: 0, dataStructures: 1, dataflows: 0, codes: 0),
    "sdmx-dl/sdmx-dl-format-xml/src/test/resources/tests/sdmxdl/format/xml/nbb/DataflowStructure.xml":
        StructureReaderCounts(codelists: 6, dataStructures: 1, dataflows: 0, codes: 250),
    "sdmx-dl/sdmx-dl-format-xml/src/test/resources/tests/sdmxdl/format/xml/nbb/Dataflows.xml":
        StructureReaderCounts(codelists: 0, dataStructures: 23, dataflows: 0, codes: 0),
    "sdmx-dl/sdmx-dl-format-xml/src/test/resources/tests/sdmxdl/format/xml/other/sdmx-Dataflows20.xml":
        StructureReaderCounts(codelists: 0, dataStructures: 0, dataflows: 2, codes: 0),
]

@Suite("SDMXStructureReader on the shared corpus")
struct SDMXStructureReaderCorpusTests {
    /// Every `kind == structure` row of `MANIFEST.tsv` must load; where the `sdmx1` column gives
    /// counts, ours must equal them, except for the files listed in `sdmx1Exceptions`.
    @Test(
        "Every structure file of the corpus loads, with sdmx1's artefact counts where sdmx1 is right",
        .enabled(if: corpusExists, "the shared corpus (../shared/corpus/sdmx) is not present"),
        arguments: structureCorpusRows())
    func corpusFile(row: StructureReaderCorpusRow) throws {
        let message = try SDMXStructureReader().read(file: corpusFolder.appendingPathComponent(row.file).path)
        let counts = StructureReaderCounts(message)
        if let exception = sdmx1Exceptions[row.file] {
            #expect(counts == exception.expected, "\(exception.why.rawValue)")
        } else if let reference = StructureReaderCounts(sdmx1: row.sdmx1) {
            #expect(counts == reference)
        } else if let expected = sdmx1Failures[row.file] {
            #expect(counts == expected)
        }
    }

    @Test(
        "The manifest lists 99 structure files and every exception names one of them",
        .enabled(if: corpusExists, "the shared corpus (../shared/corpus/sdmx) is not present"))
    func manifestAndExceptions() {
        let files = Set(structureCorpusRows().map(\.file))
        #expect(files.count == 99)
        #expect(Set(sdmx1Exceptions.keys).subtracting(files).isEmpty)
        #expect(Set(sdmx1Failures.keys).subtracting(files).isEmpty)
    }

    @Test(
        "The 2.6 MB SDMX 2.0 DSD streams its 4 066 codes and 24 326 code labels",
        .enabled(if: corpusExists, "the shared corpus (../shared/corpus/sdmx) is not present"))
    func largeStructure() throws {
        let path = corpusFolder.appendingPathComponent("rsdmx/inst/extdata/SDMXDataStructureDefinition_Example_2.0.xml")
        let clock = ContinuousClock()
        var message: StructureMessage?
        let elapsed = try clock.measure {
            message = try SDMXStructureReader().read(file: path.path)
        }
        let structures = try #require(message).structures
        #expect(structures.codelists.reduce(0) { $0 + $1.codes.count } == 4066)
        #expect(structures.codelists.reduce(0) { $0 + $1.codes.reduce(0) { $0 + $1.names.count } } == 24326)
        #expect(structures.dataStructures.count == 2)
        // Generous even for a debug build on a shared machine; a release build takes a few tens of ms.
        #expect(elapsed < .seconds(10))
        print("note: read the 2.6 MB SDMX 2.0 DSD in \(elapsed)")
    }
}
