package db.migration;

import com.callytics.bookings.control.BookingStore;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the booking columns that V4 added, for the bookings stored before them, from each booking's
 * stored JSON. Flyway runs it once per database, whatever the number of instances.
 */
public class V5__Fill_booking_columns extends BaseJavaMigration {

  private static final Logger LOG = Logger.getLogger(V5__Fill_booking_columns.class.getName());

  @Override
  public void migrate(Context context) throws Exception {
    int filled = BookingStore.fillColumnsFromStoredJson(context.getConnection());
    LOG.info(() -> "Filled the analytics columns of " + filled + " stored booking(s)");
  }
}
