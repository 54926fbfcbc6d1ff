/// Minimal SDMX-ML 2.1 structure-specific messages for tests that generate large or odd data.
public enum SyntheticMessage {
    /// A message whose data set holds `series` (the `<Series>` elements, as text).
    public static func structureSpecific(series: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <mes:StructureSpecificData xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
            xmlns:ss="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific">
          <mes:Header><mes:ID>SYNTHETIC</mes:ID><mes:Test>true</mes:Test><mes:Prepared>2024-01-01T00:00:00</mes:Prepared>
            <mes:Sender id="CLX"/><mes:Structure structureID="S" dimensionAtObservation="TIME_PERIOD"/></mes:Header>
          <mes:DataSet ss:structureRef="S">
        \(series)
          </mes:DataSet>
        </mes:StructureSpecificData>

        """
    }
}
