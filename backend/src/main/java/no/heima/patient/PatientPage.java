package no.heima.patient;

import java.util.List;

/** One page of a patient search, sorted by family name, given name. */
public record PatientPage(List<Patient> items, int page, int size, long total) {
}
