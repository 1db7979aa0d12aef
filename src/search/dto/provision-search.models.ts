import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/pagination/connection.types';
import { Provision } from '../../provisions/provision.entity';
import { DEFAULT_RANK_CANDIDATES } from '../engine/search-limits';
import { DEFAULT_SNIPPET } from '../snippet/snippet';

@ObjectType({ description: 'How many hits have one value of a facet' })
export class FacetCount {
  @Field()
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    'Hit counts over the whole result set (all pages), largest first (years in order). Each count is what adding that value to the filter would give.',
})
export class SearchFacets {
  @Field(() => [FacetCount], {
    description:
      'Per taxonomy code: hits with an annotation of that code (of the filter statuses; default not rejected)',
  })
  codes!: FacetCount[];

  @Field(() => [FacetCount], {
    description: "Per year of the agreement's signature (undated agreements left out)",
  })
  years!: FacetCount[];

  @Field(() => [FacetCount], {
    description: "Per party code; a country also counts its blocs' agreements, as the parties filter does",
  })
  parties!: FacetCount[];

  @Field(() => [FacetCount], { description: 'Per agreement type' })
  agreementTypes!: FacetCount[];
}

@ObjectType({ description: 'One search hit: a provision, its score and a snippet' })
export class ProvisionSearchEdge {
  @Field()
  cursor!: string;

  @Field(() => Provision)
  node!: Provision;

  @Field(() => Float, { description: 'Relevance, higher is better; comparable within one search only' })
  score!: number;

  @Field({
    description:
      'The passage that best shows the matches, each run of matched words wrapped in the `snippet` marks (default « and »); … where the text goes on. Plain text, not HTML-escaped.',
  })
  snippet!: string;
}

@InputType({ description: 'How snippets mark matches' })
export class SnippetInput {
  @Field({ nullable: true, description: `Before each match (default ${DEFAULT_SNIPPET.open}), e.g. <mark>` })
  open?: string;

  @Field({ nullable: true, description: `After each match (default ${DEFAULT_SNIPPET.close}), e.g. </mark>` })
  close?: string;

  @Field(() => Int, {
    nullable: true,
    description: `Length in words, 1 to 200 (default ${DEFAULT_SNIPPET.words})`,
  })
  words?: number;
}

@ObjectType({ description: 'Ranked full-text search results' })
export class ProvisionSearchConnection {
  @Field(() => [ProvisionSearchEdge])
  edges!: ProvisionSearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All hits, over all pages' })
  totalCount!: number;

  @Field(() => Int, {
    description: `How many hits the ranking covers: all of them, or, when a query matches more than ${DEFAULT_RANK_CANDIDATES.toLocaleString('en')} provisions, the first ${DEFAULT_RANK_CANDIDATES.toLocaleString('en')} in catalogue order (add words or filters to rank them all)`,
  })
  rankedCount!: number;

  @Field(() => SearchFacets)
  facets!: Promise<SearchFacets>;
}
