package dev.tillsync.server.console;

import dev.tillsync.server.master.shifttypes.ShiftTypeService;
import java.util.List;

/** The shift types page: the list and one form (new, or for one type) showing a {@link Draft} of what was read or typed. */
record ShiftTypesModel(Frame frame, String notice, String error, List<ShiftTypeService.ShiftType> types, Draft draft, boolean editing,
                       boolean canWrite) {

    record Draft(String name, String startTime, String endTime, boolean active, Integer version) {
        static Draft blank() {
            return new Draft("", "", "", true, null);
        }

        static Draft of(ShiftTypeService.ShiftType t) {
            return new Draft(t.name(), t.startTime(), t.endTime(), t.active(), t.version());
        }
    }
}
