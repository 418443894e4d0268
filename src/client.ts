// YclientsClient: the typed client plus one friendly resource per API area (`yc.booking`, `yc.staff`, …).
import { AuthResource } from "./resources/auth.js";
import { BookingResource } from "./resources/booking.js";
import { UserRecordsResource } from "./resources/user-records.js";
import { BookingFormsResource } from "./resources/booking-forms.js";
import { BookingUsersResource } from "./resources/booking-users.js";
import { SettingsResource } from "./resources/settings.js";
import { CompaniesResource } from "./resources/companies.js";
import { ChainsResource } from "./resources/chains.js";
import { LocationsResource } from "./resources/locations.js";
import { ReferencesResource } from "./resources/references.js";
import { LicensesResource } from "./resources/licenses.js";
import { BookableResourcesResource } from "./resources/resources.js";
import { TimetableResource } from "./resources/timetable.js";
import { PositionsResource } from "./resources/positions.js";
import { StaffResource } from "./resources/staff.js";
import { ServicesResource } from "./resources/services.js";
import { ServiceCategoriesResource } from "./resources/service-categories.js";
import { StaffSchedulesResource } from "./resources/staff-schedules.js";
import { SchedulesResource } from "./resources/schedules.js";
import { YclientsTypedClient, type YclientsClientOptions } from "./typed-client.js";

export class YclientsClient<Raise extends boolean = true> extends YclientsTypedClient<Raise> {
  /** Sign-in operations that issue user tokens. */
  readonly auth: AuthResource<Raise>;
  /** The public online-booking flow. */
  readonly booking: BookingResource<Raise>;
  /** Appointments of the signed-in online-booking client. */
  readonly userRecords: UserRecordsResource<Raise>;
  /** Online-booking forms (widgets) of a company. */
  readonly bookingForms: BookingFormsResource<Raise>;
  /** Profile of the signed-in online-booking client. */
  readonly bookingUsers: BookingUsersResource<Raise>;
  /** Company online-booking and appointment-journal settings. */
  readonly settings: SettingsResource<Raise>;
  /** Companies (branches): catalogue search, paging, create, read, update, delete. */
  readonly companies: CompaniesResource<Raise>;
  /** Chains (groups of companies) the user can access. */
  readonly chains: ChainsResource<Raise>;
  /** Reference lists of countries and cities. */
  readonly locations: LocationsResource<Raise>;
  /** Shared reference data (business groups and types). */
  readonly references: ReferencesResource<Raise>;
  /** The company's YCLIENTS licence. */
  readonly licenses: LicensesResource<Raise>;
  /** Bookable resources (rooms, chairs, devices) of a company. */
  readonly resources: BookableResourcesResource<Raise>;
  /** The staff-side appointment journal: working days and a day's slots. */
  readonly timetable: TimetableResource<Raise>;
  /** Staff positions (job titles). */
  readonly positions: PositionsResource<Raise>;
  /** Staff members of a company. */
  readonly staff: StaffResource<Raise>;
  /** Services and which staff members perform them. */
  readonly services: ServicesResource<Raise>;
  /** Service categories of a company or chain. */
  readonly serviceCategories: ServiceCategoriesResource<Raise>;
  /** Working schedules of staff members. */
  readonly staffSchedules: StaffSchedulesResource<Raise>;
  /** Recurring schedules of group events, their series and enrolled clients. */
  readonly schedules: SchedulesResource<Raise>;

  constructor(options: YclientsClientOptions<Raise>) {
    super(options);
    this.auth = new AuthResource(this);
    this.booking = new BookingResource(this);
    this.userRecords = new UserRecordsResource(this);
    this.bookingForms = new BookingFormsResource(this);
    this.bookingUsers = new BookingUsersResource(this);
    this.settings = new SettingsResource(this);
    this.companies = new CompaniesResource(this);
    this.chains = new ChainsResource(this);
    this.locations = new LocationsResource(this);
    this.references = new ReferencesResource(this);
    this.licenses = new LicensesResource(this);
    this.resources = new BookableResourcesResource(this);
    this.timetable = new TimetableResource(this);
    this.positions = new PositionsResource(this);
    this.staff = new StaffResource(this);
    this.services = new ServicesResource(this);
    this.serviceCategories = new ServiceCategoriesResource(this);
    this.staffSchedules = new StaffSchedulesResource(this);
    this.schedules = new SchedulesResource(this);
  }
}
