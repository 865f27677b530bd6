/** schema.org types that describe a company: Organization and the subtypes sites actually use. */
export const ORGANIZATION_TYPES: ReadonlySet<string> = new Set([
  'Organization', 'Corporation', 'LocalBusiness', 'OnlineBusiness', 'OnlineStore', 'NGO', 'Consortium',
  'EducationalOrganization', 'CollegeOrUniversity', 'MedicalOrganization', 'SportsOrganization', 'NewsMediaOrganization',
  'GovernmentOrganization', 'ResearchOrganization', 'WorkersUnion', 'Airline', 'PerformingGroup', 'Project',
  'Store', 'ProfessionalService', 'LegalService', 'Attorney', 'Notary', 'FinancialService', 'AccountingService',
  'BankOrCreditUnion', 'InsuranceAgency', 'Restaurant', 'FoodEstablishment', 'CafeOrCoffeeShop', 'Bakery',
  'AutomotiveBusiness', 'AutoDealer', 'AutoRepair', 'HomeAndConstructionBusiness', 'GeneralContractor', 'Electrician',
  'Plumber', 'HealthAndBeautyBusiness', 'Dentist', 'MedicalClinic', 'Physician', 'RealEstateAgent', 'TravelAgency',
  'LodgingBusiness', 'Hotel', 'EmploymentAgency', 'EntertainmentBusiness', 'SportsActivityLocation',
  'ChildCare', 'DryCleaningOrLaundry', 'InternetCafe', 'Library', 'RadioStation', 'TelevisionStation', 'ShoppingCenter',
  'SelfStorage', 'TouristInformationCenter', 'AnimalShelter', 'ArchiveOrganization', 'EmergencyService', 'MovingCompany',
  'HousePainter', 'Locksmith', 'RoofingContractor', 'HVACBusiness',
]);

export function isOrganizationType(types: readonly string[]): boolean {
  return types.some((t) => ORGANIZATION_TYPES.has(t));
}
