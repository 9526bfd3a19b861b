"""STIX 2.1 bundle of the stored record, built with the `stix2` library, in the shape
OpenCTI's STIX import reads.

- a `report` per document (name, published, object_refs: what the document reports); its
  outlet, when known, is an `identity` (organization) and the author (`created_by_ref`) of the
  report and of the incidents and notes the document gives;
- an `incident` per event (its evidence, who says it and how firmly in the description;
  confidence 0-100), and one per assertion (a cross-document incident) that its events'
  incidents are `related-to`;
- a `location` per place, with its precision and OpenCTI's location type
  (`stix_objects.place_location`);
- actors: state forces and external forces -> `identity` (organization); rebels and
  militias, identity militias and unidentified armed groups -> `intrusion-set`; rioters,
  protesters and civilians -> `identity` (group); persons -> `identity` (individual);
- relationships: incident `located-at` location, `attributed-to` actor1 (an intrusion-set;
  `related-to` for an identity), `targets` actor2 (an identity; `related-to` otherwise); a
  claim edge becomes a relationship subject -> object whose type is the relation ("allied-with")
  and whose description names the speaker and the modality;
- a `note` per claim (content, the speaker as author, labels for speaker type and modality),
  pointing at its document's report;
- what analysts corrected is exported corrected, labelled "reviewed:corrected by <name>".

Ids are uuid5 of a fixed namespace and the record's own ids, and timestamps come from the
stored data (ingest time, publication date), so exporting the same record twice gives the
same bytes and re-importing updates objects instead of duplicating them. A claim edge's
country becomes a Country location; an edge to another place that no exported event is at
(no coordinates known here) is left out: STIX needs a located place.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TextIO

from claimgraph.bundle import BundleDocument, ExportBundle
from claimgraph.export import StoreExporter, register_store_exporter
from claimgraph.export.acled_csv import speaker_phrase
from claimgraph.export.stix_objects import (
    EPOCH,
    country_location,
    moment,
    percent,
    place_location,
    stix_id,
    v21,
)
from claimgraph.model import ClaimEdge, EntityRef, Event, EventActor, Location

ARMED_GROUPS = frozenset({"rebel", "militia", "identity_militia", "unidentified"})
GROUPS = frozenset({"rioters", "protesters", "civilians"})


class StixBuilder:
    """Collect the STIX objects of a bundle once each, by id, in the order first met."""

    def __init__(self, bundle: ExportBundle) -> None:
        self.bundle = bundle
        self.objects: dict[str, Any] = {}
        self.kinds = {a.name: a.kind for e in bundle.events for a in (e.actor1, e.actor2) if a}
        self.places: dict[str, str] = {}  # geonameid -> location id, for claim edges
        # Documents that give something, so get a report.
        self.reported = {e.document_id for e in bundle.events} | {
            c.claim.document_id for c in bundle.claims
        }

    def add(self, obj: Any) -> str:
        """Keep an object (the first one built under its id) and return its id."""
        self.objects.setdefault(obj.id, obj)
        return str(obj.id)

    def reviewed(self, item_id: str) -> list[str]:
        """Return the label saying an analyst reviewed an item ("reviewed:corrected by ana")."""
        review = self.bundle.reviews.get(item_id)
        return [f"reviewed:{review}"] if review else []

    def when(self, document_id: str) -> dt.datetime:
        """Return when a document was ingested: the created time of what it gives."""
        found = self.bundle.document(document_id)
        return moment(found.ingested_at if found else None)

    def author(self, document_id: str) -> dict[str, Any]:
        """Return created_by_ref naming the outlet of a document (added once), if it has one:
        OpenCTI shows it as the author of the incidents, notes and report the document gives."""
        found = self.bundle.document(document_id)
        if found is None or not found.document.outlet:
            return {}
        when = moment(found.ingested_at)
        outlet = self.add(
            v21().Identity(
                id=stix_id("identity", "outlet", found.document.outlet),
                name=found.document.outlet,
                identity_class="organization",
                created=when,
                modified=when,
            )
        )
        return {"created_by_ref": outlet}

    def actor(self, name: str, kind: str | None, when: dt.datetime) -> str:
        """Add an actor as identity or intrusion-set and return its id."""
        stamps = {"created": when, "modified": when}
        if kind in ARMED_GROUPS:
            return self.add(
                v21().IntrusionSet(id=stix_id("intrusion-set", name), name=name, **stamps)
            )
        identity_class = "group" if kind in GROUPS else "organization" if kind else "unknown"
        return self.add(
            v21().Identity(
                id=stix_id("identity", "actor", name),
                name=name,
                identity_class=identity_class,
                **stamps,
            )
        )

    def location(self, loc: Location, when: dt.datetime) -> str | None:
        """Add an event's place as a location with its precision; None if it cannot be placed."""
        made = place_location(loc, when)
        if made is None:
            return None
        found = self.add(made)
        if loc.geonameid is not None:
            self.places[str(loc.geonameid)] = found
        return found

    def relationship(
        self, kind: str, source: str, target: str, when: dt.datetime, key: str, **more: Any
    ) -> str:
        """Add a relationship between two objects and return its id."""
        return self.add(
            v21().Relationship(
                id=stix_id("relationship", kind, key),
                relationship_type=kind,
                source_ref=source,
                target_ref=target,
                created=when,
                modified=when,
                **more,
            )
        )

    def event(self, event: Event) -> list[str]:
        """Add an event's incident, place, actors and relationships; return their ids."""
        when = self.when(event.document_id)
        place = event.location.name if event.location else "an unknown place"
        date = event.event_date or "an unknown date"
        evidence = " ".join(" ".join(s.text.split()) for s in event.evidence)
        said = f"Said by {speaker_phrase(event, self.bundle)}."
        incident = self.add(
            v21().Incident(
                id=stix_id("incident", event.id),
                name=f"{event.sub_event_type} in {place} on {date}",
                description=f"{evidence}\n\n{said}",
                labels=[event.event_type, event.sub_event_type, event.modality]
                + self.reviewed(event.id),
                confidence=percent(event.confidence),
                created=when,
                modified=when,
                **self.author(event.document_id),
            )
        )
        made = [incident]
        if event.location is not None:
            where = self.location(event.location, when)
            if where is not None:
                made += [where, self.relationship("located-at", incident, where, when, event.id)]
        for role, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
            if actor is not None:
                made += self.event_actor(incident, role, actor, event, when, said)
        return made

    def event_actor(
        self,
        incident: str,
        role: str,
        actor: EventActor,
        event: Event,
        when: dt.datetime,
        said: str,
    ) -> list[str]:
        """Add actor1 (attributed-to) or actor2 (targets) of an incident."""
        target = self.actor(actor.name, actor.kind, when)
        if role == "actor1":
            kind = "attributed-to" if target.startswith("intrusion-set--") else "related-to"
        else:
            kind = "targets" if target.startswith("identity--") else "related-to"
        link = self.relationship(
            kind,
            incident,
            target,
            when,
            f"{event.id}|{role}",
            description=said,
            confidence=percent(event.confidence),
        )
        return [target, link]

    def entity(self, entity: EntityRef, when: dt.datetime) -> str | None:
        """Return the STIX id of a claim edge's end, adding it if needed (None: cannot place)."""
        if entity.kind == "actor":
            return self.actor(entity.key, self.kinds.get(entity.key), when)
        if entity.kind == "person":
            return self.add(
                v21().Identity(
                    id=stix_id("identity", "person", entity.key),
                    name=entity.name,
                    identity_class="individual",
                    created=when,
                    modified=when,
                )
            )
        if entity.kind == "event":
            found = stix_id("incident", entity.key)
            return found if found in self.objects else None
        if entity.kind == "document":  # only a document whose report is exported
            return stix_id("report", entity.key) if entity.key in self.reported else None
        if entity.key.startswith("country:"):
            return self.add(country_location(entity.key, entity.name, when))
        return self.places.get(entity.key)

    def edge(self, edge: ClaimEdge) -> list[str]:
        """Add a claim edge as a relationship naming who says it and how firmly."""
        when = self.when(edge.document_id)
        source, target = self.entity(edge.subject, when), self.entity(edge.object, when)
        if source is None or target is None:
            return []
        speaker = self.bundle.speaker_name(edge.speaker, edge.document_id)
        description = (
            f'{speaker} ({edge.speaker.type}) says, {edge.modality}: "{edge.evidence.text}"'
        )
        kind = edge.relation.replace("_", "-")
        return [
            source,
            target,
            self.relationship(
                kind,
                source,
                target,
                when,
                edge.id,
                description=description,
                labels=self.reviewed(edge.id) or None,
                confidence=percent(edge.confidence),
            ),
        ]

    def report(self, stored: BundleDocument, refs: list[str]) -> str | None:
        """Add the report of a document over what it gives; None when it gives nothing."""
        doc, when = stored.document, moment(stored.ingested_at)
        if not refs:
            return None
        extra = self.author(stored.id)
        if doc.url:
            extra["external_references"] = [{"source_name": doc.outlet or "source", "url": doc.url}]
        return self.add(
            v21().Report(
                id=stix_id("report", stored.id),
                name=doc.title or doc.id,
                published=moment(doc.published or stored.ingested_at),
                report_types=["threat-report"],
                labels=[stored.genre],
                object_refs=list(dict.fromkeys(refs)),
                created=when,
                modified=when,
                **extra,
            )
        )

    def claims(self) -> None:
        """Add a note per claim, pointing at its document's report."""
        for item in self.bundle.claims:
            claim = item.claim
            report = stix_id("report", claim.document_id)
            if report not in self.objects:
                continue
            speaker = self.bundle.speaker_name(claim.speaker, claim.document_id)
            when = self.when(claim.document_id)
            self.add(
                v21().Note(
                    id=stix_id("note", item.id),
                    abstract=f"{speaker} ({claim.speaker.type}), {claim.modality}",
                    content=claim.text,
                    authors=[speaker],
                    labels=[f"speaker-type:{claim.speaker.type}", f"modality:{claim.modality}"]
                    + self.reviewed(item.id),
                    object_refs=[report],
                    created=when,
                    modified=when,
                    **self.author(claim.document_id),
                )
            )


def build_objects(bundle: ExportBundle) -> list[Any]:
    """Return the STIX objects of the record, in a stable order."""
    builder = StixBuilder(bundle)
    refs: dict[str, list[str]] = {d.id: [] for d in bundle.documents}
    for event in bundle.events:
        refs.setdefault(event.document_id, []).extend(builder.event(event))
    for assertion in bundle.assertions:
        known = [e for e in assertion.events if stix_id("incident", e) in builder.objects]
        if not known:
            continue
        when = min(builder.when(d) for d in assertion.documents) if assertion.documents else EPOCH
        merged = builder.add(
            v21().Incident(
                id=stix_id("incident", "assertion", assertion.id),
                name=f"{assertion.sub_event_type} on {assertion.event_date or 'an unknown date'}",
                description=f"Reported by {assertion.independent_sources} independent sources.",
                labels=[assertion.event_type, assertion.sub_event_type],
                created=when,
                modified=when,
            )
        )
        for event_id in known:
            builder.relationship(
                "related-to",
                stix_id("incident", event_id),
                merged,
                when,
                f"{assertion.id}|{event_id}",
            )
    for edge in bundle.edges:
        refs.setdefault(edge.document_id, []).extend(builder.edge(edge))
    # A report holds what its document gives, its claims' notes included (each note points
    # back at the report), so a document with claims but no event still has one.
    for item in bundle.claims:
        refs.setdefault(item.claim.document_id, []).append(stix_id("note", item.id))
    for stored in bundle.documents:
        builder.report(stored, refs.get(stored.id, []))
    builder.claims()
    return list(builder.objects.values())


def write_stix(bundle: ExportBundle, out: TextIO) -> None:
    """Write one STIX 2.1 bundle (pretty-printed JSON)."""
    objects = build_objects(bundle)
    if not objects:
        # stix2.parse cannot tell the version of a bundle without objects: name the producer.
        objects = [
            v21().Identity(
                id=stix_id("identity", "claimgraph"),
                name="claimgraph",
                identity_class="system",
                created=EPOCH,
                modified=EPOCH,
            )
        ]
    bundle_id = stix_id("bundle", *sorted(str(o.id) for o in objects))
    # stix2's pretty printer orders properties by searching the whole bundle for each key
    # (quadratic: 140 s for 1,000 objects); its compact form keeps the same property order,
    # which json then indents.
    compact = v21().Bundle(objects, id=bundle_id).serialize()
    json.dump(json.loads(compact), out, ensure_ascii=False, indent=2)
    out.write("\n")


register_store_exporter(
    StoreExporter(
        "stix",
        "stix.json",
        "application/stix+json",
        "a STIX 2.1 bundle (OpenCTI, MISP): reports, incidents, locations, actors, relationships",
        write_stix,
    )
)
