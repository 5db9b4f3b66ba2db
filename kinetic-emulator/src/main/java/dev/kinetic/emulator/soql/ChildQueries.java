package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.schema.ChildRelationship;
import dev.kinetic.emulator.schema.ChildRelationships;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import io.github.apexdevtools.apexparser.ApexParser.FieldNameContext;
import io.github.apexdevtools.apexparser.ApexParser.SubQueryContext;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Reads a parent-to-child subquery of a REST query into a {@link ChildQuery}, checking the relationship against the
 * schema's child relationships and the child SOQL against the same translator (so its errors come at once, not per
 * parent). Stateless and thread-safe.
 */
final class ChildQueries {
    private ChildQueries() {
    }

    static ChildQuery read(SubQueryContext sub, int position, SObjectType parent, Schema schema, String soql,
            SoqlErrors errors, DateLiterals dates, boolean queryAll) throws SoqlException {
        FieldNameContext from = sub.fromNameList().fieldName(0);
        String name = from.getText();
        ChildRelationship relationship = new ChildRelationships(schema).named(parent, name).orElseThrow(() ->
                errors.at(SoqlErrors.INVALID_TYPE, from, "Didn't understand relationship '" + name + "' in FROM part"
                        + " of query call. If you are attempting to use a custom relationship, be sure to append the"
                        + " '__r' after the custom relationship name. Please reference your WSDL or the describe call"
                        + " for the appropriate names."));
        if (sub.forClauses() != null && !sub.forClauses().FOR().isEmpty() || sub.UPDATE() != null) {
            throw SoqlErrors.plain(SoqlErrors.NOT_ENABLED, "FOR and UPDATE clauses in subqueries are not supported"
                    + " by the local org.");
        }
        String where = sub.whereClause() == null ? null : text(soql, sub.whereClause().logicalExpression());
        String tail = (sub.orderByClause() == null ? "" : text(soql, sub.orderByClause()))
                + (sub.limitClause() == null ? "" : " " + text(soql, sub.limitClause()));
        ChildQuery child = new ChildQuery(relationship.relationshipName(), position, relationship.childSObject(),
                relationship.field(), text(soql, sub.subFieldList()), where, tail.trim());
        // Checked now, with an id no record has, so a bad field fails the whole query as Salesforce does.
        SoqlTranslator.translate(child.soqlFor("000000000000000AAA"), schema, dates, queryAll, true);
        return child;
    }

    private static String text(String soql, ParserRuleContext node) {
        return soql.substring(node.getStart().getStartIndex(), node.getStop().getStopIndex() + 1);
    }
}
