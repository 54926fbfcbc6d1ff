public import ClusterLensCore

/// The worked example of the member survey tests: five firms of one cluster in 2024.
///
/// | id | emp | turnover | en. | ren. | s1 | s2 | wat. | waste | div. | haz. | acc. | hrs | tr. | w | wm | % | ISO |
/// |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
/// | F1 | 100 | 20 000 000 | 5000 | 1000 | 800 | 400 | 10000 | 200 | 150 | 20 | 3 | 160000 | 2000 | 40 | 5 | 10 | yes |
/// | F2 | 50 | 5 000 000 | 2000 | **0** | 300 | – | – | 100 | 20 | **0** | **0** | 80000 | – | 20 | 2 | 20 | no |
/// | F3 | 200 | – | 8000 | 4000 | 1000 | 600 | 30000 | – | – | – | 5 | – | 6000 | 50 | – | 5 | yes |
/// | F4 | 30 | 3 000 000 | – | – | – | – | – | – | – | – | – | – | – | – | – | – | – |
/// | F5 | 20 | 1 000 000 | 500 | 500 | **0** | 100 | 2000 | 10 | 10 | 1 | 1 | 30000 | 400 | 15 | 1 | – | no |
///
/// "–" is not reported; bold zeros are reported zeros. Member employment: 400.
/// Columns: employees, turnover_eur, energy_mwh, renewable_mwh, scope1/2_tco2e, water_m3, waste_t,
/// waste_diverted_t, hazardous_waste_t, accidents, hours_worked, training_hours, women_employees,
/// women_in_management, gender_pay_gap_pct, iso14001_or_emas.
public enum MemberSurveyWorkedExample {
    public static let csv = """
        # ClusterLens member survey, worked example
        firm_id,year,nace,nuts,employees,turnover_eur,energy_mwh,renewable_mwh,scope1_tco2e,scope2_tco2e,\
        water_m3,waste_t,waste_diverted_t,hazardous_waste_t,accidents,hours_worked,training_hours,\
        women_employees,women_in_management,gender_pay_gap_pct,iso14001_or_emas
        F1,2024,C29.1,ES511,100,20000000,5000,1000,800,400,10000,200,150,20,3,160000,2000,40,5,10,yes
        F2,2024,C2932,ES511,50,5000000,2000,0,300,,,100,20,0,0,80000,,20,2,20,no

        "F3",2024,22.2,ES51,200,,8000,4000,1000,600,30000,,,,5,,6000,50,,5,YES
        # F4 returned only its size and turnover
        F4,2024,C29,ES512, 30 ,3000000,,,,,,,,,,,,,,,
        F5,2024,C25,ES511,20,1e6,500,500,0,100,2000,10,10,1,1,30000,400,15,1,,no

        """

    public static let totalEmployees = 400.0

    public static func firms() throws -> [MemberFirm] {
        var f1 = MemberFirm(
            id: "F1", year: 2024, nace: try NACECode("C29.1"), nuts: try NUTSCode("ES511"), employees: 100)
        f1.turnoverEUR = 20_000_000
        f1.energyMWh = 5000
        f1.renewableMWh = 1000
        f1.scope1TCO2e = 800
        f1.scope2TCO2e = 400
        f1.waterM3 = 10000
        f1.wasteT = 200
        f1.wasteDivertedT = 150
        f1.hazardousWasteT = 20
        f1.accidents = 3
        f1.hoursWorked = 160_000
        f1.trainingHours = 2000
        f1.womenEmployees = 40
        f1.womenInManagement = 5
        f1.genderPayGapPct = 10
        f1.iso14001OrEMAS = true

        var f2 = MemberFirm(
            id: "F2", year: 2024, nace: try NACECode("C29.32"), nuts: try NUTSCode("ES511"), employees: 50)
        f2.turnoverEUR = 5_000_000
        f2.energyMWh = 2000
        f2.renewableMWh = 0
        f2.scope1TCO2e = 300
        f2.wasteT = 100
        f2.wasteDivertedT = 20
        f2.hazardousWasteT = 0
        f2.accidents = 0
        f2.hoursWorked = 80000
        f2.womenEmployees = 20
        f2.womenInManagement = 2
        f2.genderPayGapPct = 20
        f2.iso14001OrEMAS = false

        var f3 = MemberFirm(
            id: "F3", year: 2024, nace: try NACECode("C22.2"), nuts: try NUTSCode("ES51"), employees: 200)
        f3.energyMWh = 8000
        f3.renewableMWh = 4000
        f3.scope1TCO2e = 1000
        f3.scope2TCO2e = 600
        f3.waterM3 = 30000
        f3.accidents = 5
        f3.trainingHours = 6000
        f3.womenEmployees = 50
        f3.genderPayGapPct = 5
        f3.iso14001OrEMAS = true

        var f4 = MemberFirm(id: "F4", year: 2024, nace: try NACECode("C29"), nuts: try NUTSCode("ES512"), employees: 30)
        f4.turnoverEUR = 3_000_000

        var f5 = MemberFirm(id: "F5", year: 2024, nace: try NACECode("C25"), nuts: try NUTSCode("ES511"), employees: 20)
        f5.turnoverEUR = 1_000_000
        f5.energyMWh = 500
        f5.renewableMWh = 500
        f5.scope1TCO2e = 0
        f5.scope2TCO2e = 100
        f5.waterM3 = 2000
        f5.wasteT = 10
        f5.wasteDivertedT = 10
        f5.hazardousWasteT = 1
        f5.accidents = 1
        f5.hoursWorked = 30000
        f5.trainingHours = 400
        f5.womenEmployees = 15
        f5.womenInManagement = 1
        f5.iso14001OrEMAS = false
        return [f1, f2, f3, f4, f5]
    }
}
