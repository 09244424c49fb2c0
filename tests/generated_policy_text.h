// Test helper: generated Swedish policy sentences in which two verbs are used alike and a
// third is not, so a term model learned from them must tie "genomsyra" to "prägla" and keep
// "asfaltera" apart. Deterministic (a fixed linear congruential sequence, no std::
// distributions, whose output differs between standard libraries).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace klausul::testing {

// `count` sentences. Values-and-care sentences take "genomsyra" or "prägla" (never both in
// one sentence), road-work sentences take "asfaltera" or "ploga"; each sentence has about
// eight content words, nearly all sentences distinct.
inline std::vector<std::string> generated_policy_sentences(size_t count, uint32_t seed = 7) {
  static const std::vector<std::string> care_subjects = {
      "Värdegrunden", "Jämlikheten", "Patientsäkerheten", "Hållbarheten", "Delaktigheten",
      "Respekten för individen", "Folkhälsoperspektivet", "Barnrättsperspektivet"};
  static const std::vector<std::string> care_objects = {
      "hela organisationen", "det dagliga arbetet", "alla verksamheter", "vårdens bemötande",
      "ledarskapet på alla nivåer", "mötet med patienten", "verksamhetsplaneringen"};
  static const std::vector<std::string> care_verbs = {"genomsyra", "prägla"};
  static const std::vector<std::string> road_subjects = {
      "Entreprenören", "Trafikkontoret", "Driftenheten", "Vägföreningen", "Kommunens gatukontor"};
  static const std::vector<std::string> road_objects = {
      "vägarna", "gatorna", "cykelbanorna", "parkeringsplatserna", "busshållplatserna",
      "infarterna till sjukhuset"};
  static const std::vector<std::string> road_verbs = {"asfaltera", "ploga"};
  static const std::vector<std::string> tails = {
      "under planperioden", "enligt gällande avtal", "i hela länet", "varje säsong",
      "i samverkan med kommunerna", "senast nästa år"};
  // Places make nearly every sentence distinct (the learner skips repeated text).
  static const std::vector<std::string> places = {
      "Ale", "Alingsås", "Borås", "Eksjö", "Falun", "Gislaved", "Hudiksvall", "Kalix",
      "Kiruna", "Laholm", "Motala", "Nora", "Piteå", "Ronneby", "Sala", "Tranås", "Ulricehamn",
      "Vetlanda", "Värnamo", "Östhammar"};
  uint32_t state = seed;
  auto next = [&state](size_t n) {
    state = state * 1664525u + 1013904223u;
    return static_cast<size_t>((state >> 8) % n);
  };
  std::vector<std::string> sentences;
  sentences.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const bool care = next(2) == 0;
    const auto& subjects = care ? care_subjects : road_subjects;
    const auto& objects = care ? care_objects : road_objects;
    const auto& verbs = care ? care_verbs : road_verbs;
    sentences.push_back(subjects[next(subjects.size())] + " ska " + verbs[next(verbs.size())] +
                        " " + objects[next(objects.size())] + " i " + places[next(places.size())] +
                        " " + tails[next(tails.size())] + ".");
  }
  return sentences;
}

}  // namespace klausul::testing
