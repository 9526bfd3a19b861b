"""GraphML (through networkx) of the record as a graph, for Gephi and networkx.

Nodes, each with `type` and `label`: documents, events, places, actors, claims, persons and
assertions. Node ids say what they are: "event:<id>", "place:<geonameid>",
"place:country:<ISO code>" or "place:name:<name>" (the keys of `claimgraph.entities`),
"actor:<canonical name>", "claim:<id>", "document:<id>".
Typed edges, each with `type` and `label`:

- event -> document `reported_in`; claim -> document `claimed_in`;
- event -> place `located_at`; event -> actor `actor1` / `actor2`; event -> assertion `part_of`;
  assertion -> each document reporting it `supported_by`;
- claim edges subject -> object `claim_edge`, with `relation`, `speaker`, `speaker_type`,
  `modality`, `confidence`, `document_id`, `evidence` and `sources`: how many stored
  documents state the same subject-relation-object.

Events, claims and claim edges an analyst reviewed carry `review` ("corrected by ana").
Attributes are scalars only and an unknown value is left out (GraphML has no null), so Gephi
opens the file as it is. Edge ids are stable (`edge:<kind>:<ids>`).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from claimgraph.bundle import ExportBundle
from claimgraph.export import StoreExporter, register_store_exporter
from claimgraph.model import EntityRef, Event, EventActor, Location

if TYPE_CHECKING:
    import networkx as nx

LABEL_CHARS = 80


def short(text: str) -> str:
    """Return text on one line, cut to a readable node label."""
    flat = " ".join(text.split())
    return flat if len(flat) <= LABEL_CHARS else flat[: LABEL_CHARS - 1] + "…"


def scalars(**values: Any) -> dict[str, Any]:
    """Return the attributes that have a value (GraphML cannot hold None)."""
    return {key: value for key, value in values.items() if value is not None}


def place_node(location: Location) -> str:
    """Return the node id of an event's place."""
    if location.geonameid is not None:
        return f"place:{location.geonameid}"
    return f"place:name:{location.name.lower()}"


def entity_node(entity: EntityRef) -> str:
    """Return the node id of a claim edge's end (the ids events use: "place:<geonameid>",
    "place:country:PK", "actor:<canonical name>", "event:<id>", "document:<id>")."""
    return f"{entity.kind}:{entity.key}"


def add_actor(graph: nx.MultiDiGraph, actor: EventActor) -> str:
    """Add an actor node (once) and return its id."""
    node = f"actor:{actor.name}"
    if node not in graph:
        graph.add_node(node, **scalars(type="actor", label=actor.name, kind=actor.kind))
    return node


def add_event(graph: nx.MultiDiGraph, event: Event, review: str | None = None) -> None:
    """Add an event node with its place, actors and document edges."""
    node = f"event:{event.id}"
    graph.add_node(
        node,
        **scalars(
            type="event",
            label=f"{event.sub_event_type} {event.event_date or ''}".strip(),
            event_type=event.event_type,
            sub_event_type=event.sub_event_type,
            event_date=event.event_date,
            fatalities=event.fatalities,
            fatalities_low=event.fatalities_low,
            speaker=event.speaker.name,
            speaker_type=event.speaker.type,
            modality=event.modality,
            confidence=event.confidence,
            evidence=" ".join(s.text for s in event.evidence),
            review=review,
        ),
    )
    document = f"document:{event.document_id}"
    graph.add_edge(
        node, document, key=f"edge:reported_in:{event.id}", type="reported_in", label="reported_in"
    )
    loc = event.location
    if loc is not None:
        place = place_node(loc)
        if place not in graph:
            graph.add_node(
                place,
                **scalars(
                    type="place",
                    label=loc.name,
                    geonameid=loc.geonameid,
                    latitude=loc.latitude,
                    longitude=loc.longitude,
                    country_code=loc.country_code,
                    admin1=loc.admin1,
                ),
            )
        graph.add_edge(
            node,
            place,
            key=f"edge:located_at:{event.id}",
            type="located_at",
            label="located_at",
            geo_precision=loc.geo_precision,
        )
    for role, actor in (("actor1", event.actor1), ("actor2", event.actor2)):
        if actor is not None:
            graph.add_edge(
                node, add_actor(graph, actor), key=f"edge:{role}:{event.id}", type=role, label=role
            )


def build_graph(bundle: ExportBundle) -> nx.MultiDiGraph:
    """Return the record's graph: documents, events, places, actors, claims and claim edges."""
    import networkx as nx  # on first use: other commands do not load it

    graph = nx.MultiDiGraph()
    for stored in bundle.documents:
        doc = stored.document
        graph.add_node(
            f"document:{stored.id}",
            **scalars(
                type="document",
                label=short(doc.title or doc.id),
                outlet=doc.outlet,
                published=doc.published,
                url=doc.url,
                genre=stored.genre,
            ),
        )
    for event in bundle.events:
        add_event(graph, event, bundle.reviews.get(event.id))
    for item in bundle.claims:
        claim, node = item.claim, f"claim:{item.id}"
        graph.add_node(
            node,
            **scalars(
                type="claim",
                label=short(claim.text),
                text=claim.text,
                speaker=claim.speaker.name,
                speaker_type=claim.speaker.type,
                modality=claim.modality,
                check_worthiness=claim.check_worthiness,
                review=bundle.reviews.get(item.id),
            ),
        )
        graph.add_edge(
            node,
            f"document:{claim.document_id}",
            key=f"edge:claimed_in:{item.id}",
            type="claimed_in",
            label="claimed_in",
        )
    add_claim_edges(graph, bundle)
    for assertion in bundle.assertions:
        node = f"assertion:{assertion.id}"
        graph.add_node(
            node,
            **scalars(
                type="assertion",
                label=f"{assertion.sub_event_type} {assertion.event_date or ''}".strip(),
                fatalities=assertion.fatalities,
                independent_sources=assertion.independent_sources,
            ),
        )
        for event_id in assertion.events:
            if f"event:{event_id}" in graph:
                graph.add_edge(
                    f"event:{event_id}",
                    node,
                    key=f"edge:part_of:{event_id}",
                    type="part_of",
                    label="part_of",
                )
        for document_id in assertion.documents:
            if f"document:{document_id}" in graph:
                graph.add_edge(
                    node,
                    f"document:{document_id}",
                    key=f"edge:supported_by:{assertion.id}:{document_id}",
                    type="supported_by",
                    label="supported_by",
                )
    # An edge may point at a document or event the bundle leaves out: give it a bare node.
    for node, data in graph.nodes(data=True):
        if "type" not in data:
            data.update(type=node.split(":", 1)[0], label=node.split(":", 1)[1])
    return graph


def add_claim_edges(graph: nx.MultiDiGraph, bundle: ExportBundle) -> None:
    """Add each claim edge from subject to object with who says it, how, and how many say it."""
    documents: dict[tuple[str, str, str], set[str]] = {}
    for edge in bundle.edges:
        key = (entity_node(edge.subject), edge.relation, entity_node(edge.object))
        documents.setdefault(key, set()).add(edge.document_id)
    sources = Counter({key: len(ids) for key, ids in documents.items()})
    for edge in bundle.edges:
        subject, target = entity_node(edge.subject), entity_node(edge.object)
        for entity, node in ((edge.subject, subject), (edge.object, target)):
            if node not in graph:
                graph.add_node(node, type=entity.kind, label=entity.name)
        graph.add_edge(
            subject,
            target,
            key=f"edge:claim:{edge.id}",
            **scalars(
                type="claim_edge",
                label=edge.relation,
                relation=edge.relation,
                speaker=edge.speaker.name,
                speaker_type=edge.speaker.type,
                modality=edge.modality,
                confidence=edge.confidence,
                document_id=edge.document_id,
                evidence=edge.evidence.text,
                sources=bundle.edge_documents.get(edge.id)
                or sources[(subject, edge.relation, target)],
                review=bundle.reviews.get(edge.id),
            ),
        )


def write_graphml(bundle: ExportBundle, out: TextIO) -> None:
    """Write the record's graph as GraphML."""
    import networkx as nx

    for line in nx.generate_graphml(build_graph(bundle)):
        out.write(line + "\n")


register_store_exporter(
    StoreExporter(
        "graphml",
        "graphml",
        "application/graphml+xml",
        "actors, places, events, claims and documents as a graph (Gephi, networkx)",
        write_graphml,
    )
)
